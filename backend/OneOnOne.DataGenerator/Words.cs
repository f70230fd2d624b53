namespace OneOnOne.DataGenerator;

/// <summary>
/// Names and sentences the generated organisation is made of, in Dutch and English, so generated rows look like what
/// the product stores (and have the lengths it stores).
/// </summary>
internal static class Words
{
    public static readonly string[] DutchFirstNames =
    [
        "Sanne", "Daan", "Lotte", "Bram", "Femke", "Joris", "Eva", "Sem", "Anouk", "Ruben", "Iris", "Thijs", "Noor", "Jesse",
        "Fleur", "Lars", "Maud", "Stijn", "Roos", "Koen", "Lieke", "Niels", "Sophie", "Wouter", "Esmee", "Jeroen", "Marloes",
        "Pieter", "Ilse", "Gijs",
    ];

    public static readonly string[] DutchLastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van der Heijden", "Schouten",
    ];

    public static readonly string[] EnglishFirstNames =
    [
        "Priya", "James", "Olivia", "Noah", "Amelia", "Oliver", "Isla", "Harry", "Mia", "Jack", "Grace", "Leo", "Chloe", "Arjun",
        "Emily", "Thomas", "Zara", "Samuel", "Hannah", "Daniel", "Aisha", "Lucas", "Ella", "Mohammed", "Sophie", "Ethan", "Ava",
        "Ryan", "Lily", "Kenji",
    ];

    public static readonly string[] EnglishLastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Walker", "Raman",
        "Thompson", "Evans", "Roberts", "Green", "Hall", "Wood", "Clarke", "Khan", "Lewis", "Hughes", "Edwards", "Turner",
        "Hill", "Moore", "Baker", "Nakamura", "Murphy", "Cooper",
    ];

    public static readonly Phrases Dutch = new(
        Goals:
        [
            "Afspraken maken over de prioriteiten van dit kwartaal", "Terugblik op het project van de afgelopen weken",
            "Jouw ontwikkelplan voor het komende halfjaar", "Werkdruk en planning bespreken", "Voorbereiden op de beoordeling",
            "Samenwerking met het andere team verbeteren", "Doelen voor de volgende release",
        ],
        Agenda:
        [
            "Hoe staat het met de planning?", "Feedback op mijn presentatie", "Verlof in de zomer", "Inwerken van de nieuwe collega",
            "Wat ging er goed bij de release?", "Ik wil meer doen met klantgesprekken", "Werkdruk in het team", "Training of cursus",
            "Verdeling van de piketdiensten", "Terugkoppeling uit het klantgesprek", "Mijn rol in het nieuwe project",
            "Budget voor de teamdag", "Doorgroeimogelijkheden", "Hoe verliep de samenwerking met support?",
        ],
        Actions:
        [
            "Checklist voor releasecommunicatie opstellen", "Training klantgesprekken uitzoeken", "Budget voor training aanvragen",
            "Planning voor het kwartaal delen", "Verlofaanvraag indienen", "Presentatie voor de teamdag voorbereiden",
            "Feedback vragen aan twee collega's", "Documentatie van het project bijwerken", "Afspraak met de klant inplannen",
            "Ontwikkelplan op papier zetten", "Overdracht voor de vakantie regelen", "Meetrondes voor de nieuwe collega plannen",
        ],
        Notes:
        [
            "We hebben de planning doorgenomen; de deadline blijft staan.", "De samenwerking met support loopt beter dan vorige maand.",
            "Er is behoefte aan een training over klantgesprekken.", "De werkdruk is hoog; we kijken wat er kan vervallen.",
            "De release ging goed, de communicatie kan eerder.", "Volgende keer het ontwikkelplan verder uitwerken.",
            "Afgesproken dat de overdracht voor de vakantie op tijd wordt geregeld.",
        ],
        PrivateNotes:
        [
            "Lijkt wat moe; volgende keer vragen hoe het gaat.", "Kandidaat voor een grotere rol in het volgende project.",
            "Nog niet tevreden over de voortgang; positief blijven benaderen.", "Meer waardering uitspreken voor het werk aan de release.",
        ],
        SubjectFormat: "1-op-1 {0} / {1}");

    public static readonly Phrases English = new(
        Goals:
        [
            "Agree on priorities for the quarter", "Review how the on-call week went", "Plan the next career step",
            "Discuss workload and planning", "Prepare for the performance review", "Improve the handover with the other team",
            "Goals for the next release",
        ],
        Agenda:
        [
            "Which project comes first?", "Feedback on my talk proposal", "Summer holiday planning", "Onboarding the new colleague",
            "What went well in the release?", "On-call was heavy: can we share it differently?", "Hiring update",
            "Training budget", "Mentoring the new intern", "Customer feedback from last week", "My role in the new project",
            "Team offsite", "Career growth", "How did the collaboration with support go?",
        ],
        Actions:
        [
            "Silence the noisy disk alert", "Rewrite the second half of the talk proposal", "Book the conference travel budget",
            "Share the quarterly plan", "Submit the holiday request", "Prepare the offsite presentation", "Ask two peers for feedback",
            "Update the project documentation", "Schedule the customer call", "Write down the development plan",
            "Arrange the handover before the holiday", "Plan pairing sessions for the new colleague",
        ],
        Notes:
        [
            "We went through the plan; the deadline stays.", "Collaboration with support is better than last month.",
            "A training on customer conversations would help.", "Workload is high; we look at what can be dropped.",
            "The release went well; communication can start earlier.", "Next time, work out the development plan further.",
            "Agreed to arrange the holiday handover in time.",
        ],
        PrivateNotes:
        [
            "Seemed tired; ask how things are going next time.", "Candidate for a bigger role in the next project.",
            "Not yet happy with progress; keep the tone positive.", "Say more often how much the release work is appreciated.",
        ],
        SubjectFormat: "1:1 {0} / {1}");

    public static Phrases For(string? language) => language == "nl" ? Dutch : English;
}

internal sealed record Phrases(string[] Goals, string[] Agenda, string[] Actions, string[] Notes, string[] PrivateNotes, string SubjectFormat);
