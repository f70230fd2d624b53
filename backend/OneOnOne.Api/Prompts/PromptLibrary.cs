using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Prompts;

/// <summary>Who a prompt of an organisation's guide is for.</summary>
public enum PromptAudience { Manager, Report, Both }

/// <summary>When a prompt applies: in the regular rotation, or (in front of it) at a particular moment.</summary>
public enum PromptMoment { Regular, FirstMeeting, EveryNthMeeting, OpenActions }

public enum PromptTheme { Preparation, Goals, Listening, Feedback, ConstructiveCriticism, Relationship, Wellbeing, Career, ReviewActions }

/// <summary>A prompt as the selection takes it: for one role (Audience null: for both), in the rotation or at a moment.</summary>
public sealed record FeedbackPrompt(
    string Key, PromptTheme Theme, ParticipantRole? Audience, string Nl, string En, PromptMoment When = PromptMoment.Regular, int? Every = null)
{
    public string Text(string language) => language == "nl" ? Nl : En;
}

public static class PromptLibrary
{
    private const ParticipantRole Mgr = ParticipantRole.Manager;
    private const ParticipantRole Rep = ParticipantRole.Report;

    // Keys are stored with meetings and answers, so never rename one; add a new key instead.
    // ForMeeting relies on every theme having at least three prompts per audience (see Pick).
    public static IReadOnlyList<FeedbackPrompt> All { get; } =
    [
        new("mgr.preparation.recent-work", PromptTheme.Preparation, Mgr,
            "Welk werk van je medewerker is je sinds het vorige gesprek opgevallen, en waarom?",
            "What work by your report caught your eye since the last conversation, and why?"),
        new("mgr.preparation.notes", PromptTheme.Preparation, Mgr,
            "Schrijf vooraf twee of drie punten op die je zeker wilt bespreken.",
            "Before you start, jot down two or three points you definitely want to cover."),
        new("mgr.preparation.their-agenda", PromptTheme.Preparation, Mgr,
            "Vraag je medewerker van tevoren wat er op de agenda moet.",
            "Ask your report ahead of time what they want on the agenda."),
        new("rep.preparation.topics", PromptTheme.Preparation, Rep,
            "Welke onderwerpen wil jij deze keer zelf inbrengen?",
            "Which topics do you want to bring up yourself this time?"),
        new("rep.preparation.proud", PromptTheme.Preparation, Rep,
            "Noteer iets waar je de afgelopen weken trots op bent.",
            "Note down something from the past few weeks that you're proud of."),
        new("rep.preparation.blockers", PromptTheme.Preparation, Rep,
            "Waar loop je nu tegenaan waarbij je wel wat hulp kunt gebruiken?",
            "What are you running into right now that you could use some help with?"),

        new("mgr.goals.must-settle", PromptTheme.Goals, Mgr,
            "Wat moet er aan het eind van dit gesprek in elk geval geregeld zijn?",
            "What has to be settled by the end of this conversation, whatever else happens?"),
        new("mgr.goals.agree-topic", PromptTheme.Goals, Mgr,
            "Spreek aan het begin samen af waar het gesprek vandaag over gaat.",
            "At the start, agree together on what today's conversation is about."),
        new("mgr.goals.expectations", PromptTheme.Goals, Mgr,
            "Weten jullie allebei wat je tot het volgende gesprek van elkaar verwacht?",
            "Do you both know what you expect from each other until the next meeting?"),
        new("rep.goals.walk-away", PromptTheme.Goals, Rep,
            "Met welk resultaat wil jij straks de deur uitlopen?",
            "What do you want to walk away with from this conversation?"),
        new("rep.goals.next-target", PromptTheme.Goals, Rep,
            "Welk concreet doel wil je vóór het volgende gesprek gehaald hebben?",
            "Which concrete goal do you want to have reached before the next meeting?"),
        new("rep.goals.priorities", PromptTheme.Goals, Rep,
            "Weet je welke van je taken nu het zwaarst wegen? Zo niet, vraag het.",
            "Do you know which of your tasks matter most right now? If not, ask."),

        new("mgr.listening.dig-deeper", PromptTheme.Listening, Mgr,
            "Vraag door: \"Wat bedoel je daar precies mee?\" of \"Hoe kwam dat zo?\"",
            "Dig deeper: \"What exactly do you mean?\" or \"How did that come about?\""),
        new("mgr.listening.summarise", PromptTheme.Listening, Mgr,
            "Vat in je eigen woorden samen wat je hoorde en check of dat klopt.",
            "Sum up in your own words what you heard and check that you got it right."),
        new("mgr.listening.pause", PromptTheme.Listening, Mgr,
            "Stel een open vraag en laat daarna rustig een stilte vallen.",
            "Ask an open question, then be comfortable with a moment of silence."),
        new("rep.listening.let-finish", PromptTheme.Listening, Rep,
            "Laat je manager uitpraten voordat je reageert, ook als je het er niet mee eens bent.",
            "Let your manager finish before you respond, even if you disagree."),
        new("rep.listening.play-back", PromptTheme.Listening, Rep,
            "Herhaal kort wat je hoorde, zodat jullie zeker weten dat je op één lijn zit.",
            "Briefly repeat what you heard, so you both know you're on the same page."),
        new("rep.listening.ask-why", PromptTheme.Listening, Rep,
            "Vraag waarom iets belangrijk is voor je manager, niet alleen wat er moet gebeuren.",
            "Ask why something matters to your manager, not just what needs to happen."),

        new("mgr.feedback.specific-example", PromptTheme.Feedback, Mgr,
            "Noem een concreet moment: wat gebeurde er precies, en wanneer?",
            "Name one concrete moment: what exactly happened, and when?"),
        new("mgr.feedback.behaviour", PromptTheme.Feedback, Mgr,
            "Beschrijf wat je medewerker deed, niet wat voor persoon hij of zij is.",
            "Describe what your report did, not what kind of person they are."),
        new("mgr.feedback.measurable", PromptTheme.Feedback, Mgr,
            "Maak het meetbaar: waaraan zien jullie allebei dat het beter gaat?",
            "Make it measurable: how will you both be able to tell it's getting better?"),
        new("mgr.feedback.why-it-matters", PromptTheme.Feedback, Mgr,
            "Waarom doet dit punt ertoe voor het werk van je medewerker? Zeg dat er ook bij.",
            "Why does this point matter for your report's work? Say that too."),
        new("mgr.feedback.praise", PromptTheme.Feedback, Mgr,
            "Geef ook een gericht compliment: wat ging er goed, en waarom werkte dat?",
            "Give specific praise as well: what went well, and why did it work?"),
        new("rep.feedback.one-thing", PromptTheme.Feedback, Rep,
            "Vraag je manager om één ding dat je volgende keer anders kunt doen.",
            "Ask your manager for one thing you could do differently next time."),
        new("rep.feedback.upward", PromptTheme.Feedback, Rep,
            "Welke feedback heb jij voor je manager? Noem er een concreet voorbeeld bij.",
            "What feedback do you have for your manager? Back it up with a concrete example."),
        new("rep.feedback.how-you-like-it", PromptTheme.Feedback, Rep,
            "Vertel je manager op welke manier feedback krijgen jou het meest helpt.",
            "Tell your manager which way of receiving feedback helps you most."),

        new("mgr.criticism.start-positive", PromptTheme.ConstructiveCriticism, Mgr,
            "Begin bij wat goed ging, en meen het ook.",
            "Open with what went well, and mean it."),
        new("mgr.criticism.one-point", PromptTheme.ConstructiveCriticism, Mgr,
            "Kies één verbeterpunt en maak het concreet met een voorbeeld.",
            "Pick one thing to improve and make it concrete with an example."),
        new("mgr.criticism.offer-help", PromptTheme.ConstructiveCriticism, Mgr,
            "Sluit af met een aanbod: wat kun jij doen of regelen om te helpen?",
            "Close with an offer: what can you do or arrange to help?"),
        new("mgr.criticism.how-it-landed", PromptTheme.ConstructiveCriticism, Mgr,
            "Check na je kritiek hoe het binnenkwam en wat je medewerker nu nodig heeft.",
            "After the criticism, check how it landed and what your report needs now."),
        new("rep.criticism.example-first", PromptTheme.ConstructiveCriticism, Rep,
            "Krijg je kritiek? Vraag eerst naar een voorbeeld voordat je reageert.",
            "Getting criticism? Ask for an example before you respond."),
        new("rep.criticism.ask-support", PromptTheme.ConstructiveCriticism, Rep,
            "Welke hulp, tijd of middelen heb je nodig om dit verbeterpunt aan te pakken?",
            "What help, time or resources do you need to work on this?"),
        new("rep.criticism.own-view", PromptTheme.ConstructiveCriticism, Rep,
            "Hoe kijk je er zelf naar? Wat zou jij de volgende keer anders doen?",
            "How do you see it yourself? What would you do differently next time?"),

        new("mgr.relationship.catch-up", PromptTheme.Relationship, Mgr,
            "Begin met een paar minuten gewoon bijpraten, niet meteen met de to-do's.",
            "Start with a few minutes of simply catching up, not straight into the to-dos."),
        new("mgr.relationship.make-easier", PromptTheme.Relationship, Mgr,
            "Vraag: wat kan ik doen om jouw werk makkelijker te maken?",
            "Ask: what could I do to make your work easier?"),
        new("mgr.relationship.working-together", PromptTheme.Relationship, Mgr,
            "Vraag hoe je medewerker jullie samenwerking ervaart en wat er beter kan.",
            "Ask how your report experiences working with you and what could be better."),
        new("rep.relationship.how-you-work", PromptTheme.Relationship, Rep,
            "Vertel iets wat je manager nog niet van je weet, bijvoorbeeld hoe je het liefst werkt.",
            "Share something your manager doesn't know about you yet, like how you prefer to work."),
        new("rep.relationship.needs", PromptTheme.Relationship, Rep,
            "Wat heb je van je manager nodig om je werk goed te kunnen doen?",
            "What do you need from your manager to do your job well?"),
        new("rep.relationship.appreciate", PromptTheme.Relationship, Rep,
            "Deed je manager iets waar je echt wat aan had? Zeg het gerust.",
            "Did your manager do something that really helped you? Go ahead and say so."),

        new("mgr.wellbeing.really-doing", PromptTheme.Wellbeing, Mgr,
            "Vraag hoe het echt met je medewerker gaat, los van het werk.",
            "Ask how your report is really doing, apart from the work."),
        new("mgr.wellbeing.workload", PromptTheme.Wellbeing, Mgr,
            "Is de werkdruk nu te hoog, te laag of precies goed?",
            "Is the workload right now too high, too low, or about right?"),
        new("mgr.wellbeing.energy", PromptTheme.Wellbeing, Mgr,
            "Vraag wat op dit moment energie geeft en wat juist energie kost.",
            "Ask what gives energy at the moment and what drains it."),
        new("rep.wellbeing.honest", PromptTheme.Wellbeing, Rep,
            "Hoe gaat het eigenlijk met je? Je mag daar hier eerlijk over zijn.",
            "How are you actually doing? It's fine to be honest about that here."),
        new("rep.wellbeing.time", PromptTheme.Wellbeing, Rep,
            "Krijg je je werk af in de tijd die je hebt? Zo niet, benoem het.",
            "Can you get your work done in the time you have? If not, say so."),
        new("rep.wellbeing.energy", PromptTheme.Wellbeing, Rep,
            "Welk deel van je werk geeft je energie, en welk deel kost je veel?",
            "Which part of your work gives you energy, and which part wears you out?"),

        new("mgr.career.ambition", PromptTheme.Career, Mgr,
            "Vraag waar je medewerker over een jaar of twee wil staan.",
            "Ask where your report wants to be in a year or two."),
        new("mgr.career.stretch", PromptTheme.Career, Mgr,
            "Welke klus of verantwoordelijkheid zou je medewerker laten groeien?",
            "Which assignment or responsibility would help your report grow?"),
        new("mgr.career.learning", PromptTheme.Career, Mgr,
            "Bespreek of een cursus, training of mentor nu zou helpen.",
            "Discuss whether a course, training or mentor would help right now."),
        new("rep.career.direction", PromptTheme.Career, Rep,
            "Welke kant wil je op groeien? Vertel het je manager, ook als het nog vaag is.",
            "Which way do you want to grow? Tell your manager, even if it's still vague."),
        new("rep.career.skill", PromptTheme.Career, Rep,
            "Welke vaardigheid wil je de komende maanden ontwikkelen?",
            "Which skill do you want to develop over the coming months?"),
        new("rep.career.new-challenge", PromptTheme.Career, Rep,
            "Vraag naar een project of taak waarmee je iets nieuws kunt leren.",
            "Ask about a project or task where you could learn something new."),

        new("mgr.review.open-actions", PromptTheme.ReviewActions, Mgr,
            "Loop de acties van vorige keer langs: wat is af, wat niet, en waarom?",
            "Go through last time's actions: what's done, what isn't, and why?"),
        new("mgr.review.own-promises", PromptTheme.ReviewActions, Mgr,
            "Heb jij zelf gedaan wat je de vorige keer hebt toegezegd?",
            "Did you yourself do what you promised last time?"),
        new("mgr.review.progress", PromptTheme.ReviewActions, Mgr,
            "Welke vooruitgang zie je sinds het vorige gesprek? Benoem die hardop.",
            "What progress have you seen since the last conversation? Say it out loud."),
        new("rep.review.status", PromptTheme.ReviewActions, Rep,
            "Geef kort de stand van zaken van je acties van vorige keer.",
            "Give a quick status update on your actions from last time."),
        new("rep.review.stuck", PromptTheme.ReviewActions, Rep,
            "Staat een actie stil? Zeg wat je tegenhoudt en wat je nodig hebt.",
            "Is an action stuck? Say what's holding you up and what you need."),
        new("rep.review.still-right", PromptTheme.ReviewActions, Rep,
            "Zijn de afspraken van vorige keer nog de juiste, of moeten ze worden bijgesteld?",
            "Are last time's agreements still the right ones, or do they need adjusting?"),
    ];

    /// <summary>The prompt with this key in the pool (the tenant's guide; the built-in library when null).</summary>
    public static FeedbackPrompt? Find(string key, IReadOnlyList<FeedbackPrompt>? pool = null) => (pool ?? All).FirstOrDefault(p => p.Key == key);

    /// <summary>
    /// The meeting's number in its series (the scheduled meetings before it), which rotates its prompts. The pane
    /// counts the same inside its one statement (PaneEndpoints.Header); the document and the reminder mail use this,
    /// so all three show the same prompts.
    /// </summary>
    public static Task<int> MeetingNumberAsync(OneOnOneDb db, Meeting meeting, CancellationToken cancellationToken) =>
        db.Meetings.CountAsync(
            m => m.SeriesId == meeting.SeriesId && m.Status == MeetingStatus.Scheduled && m.StartUtc < meeting.StartUtc, cancellationToken);

    /// <summary>
    /// The meeting's prompts for one role from the pool (a tenant's guide; the built-in library when null): first those
    /// whose moment it is (a first meeting, open actions, every n-th meeting), then the regular ones in rotation.
    /// </summary>
    public static IReadOnlyList<FeedbackPrompt> ForMeeting(
        Guid seriesId, int meetingNumber, ParticipantRole role, bool hasOpenActions, int count = 3, IReadOnlyList<FeedbackPrompt>? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(meetingNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        var forRole = (pool ?? All).Where(p => p.Audience is null || p.Audience == role).ToList();
        var atThisMoment = forRole
            .Where(p => p.When switch
            {
                PromptMoment.FirstMeeting => meetingNumber == 0,
                PromptMoment.OpenActions => hasOpenActions,
                PromptMoment.EveryNthMeeting => p.Every is > 0 and var every && (meetingNumber + 1) % every == 0,
                _ => false,
            })
            .OrderBy(p => p.When)
            .Take(count)
            .ToList();
        var regular = forRole.Where(p => p.When == PromptMoment.Regular).ToList();
        return count > atThisMoment.Count && regular.Count > 0
            ? [.. atThisMoment, .. Rotate(regular, seriesId, meetingNumber, hasOpenActions, count - atThisMoment.Count)]
            : atThisMoment;
    }

    /// <summary>
    /// The preparation prompt of the reminder mail: the pool's preparation prompts for the role in rotation, the built-in
    /// library's when the pool has none.
    /// </summary>
    public static FeedbackPrompt ForReminder(Guid seriesId, int meetingNumber, ParticipantRole role, IReadOnlyList<FeedbackPrompt>? pool = null)
    {
        var preparation = (pool ?? All).Where(p => p.Theme == PromptTheme.Preparation && (p.Audience is null || p.Audience == role)).ToList();
        return preparation.Count > 0
            ? Pick(preparation, ThemeSeed(Fnv1a(seriesId.ToByteArray()), PromptTheme.Preparation), meetingNumber)
            : ForReminder(seriesId, meetingNumber, role, All);
    }

    private static IEnumerable<FeedbackPrompt> Rotate(List<FeedbackPrompt> prompts, Guid seriesId, int meetingNumber, bool hasOpenActions, int count)
    {
        var seed = Fnv1a(seriesId.ToByteArray());
        var byTheme = prompts
            .GroupBy(p => p.Theme)
            .ToDictionary(g => g.Key, g => g.ToList());
        // Each series walks the themes in its own order, so teams don't all get the same prompts on the same day.
        var cycle = byTheme.Keys.OrderBy(t => ThemeSeed(seed, t)).ToList();

        var themes = new List<PromptTheme>();
        if (hasOpenActions && cycle.Remove(PromptTheme.ReviewActions))
        {
            // Review takes a fixed slot and the rest rotate around it; replacing a rotating slot instead
            // would starve the themes that keep landing in that slot while actions stay open.
            themes.Add(PromptTheme.ReviewActions);
        }
        var slots = Math.Min(count - themes.Count, cycle.Count);
        for (var i = 0; i < slots; i++)
        {
            themes.Add(cycle[(int)(((long)meetingNumber * slots + i) % cycle.Count)]);
        }

        return themes.Select(t => Pick(byTheme[t], ThemeSeed(seed, t), meetingNumber));
    }

    // The prompt within a theme depends only on the meeting number (not on which themes were rotated in
    // or whether actions were open), so two consecutive meetings never show the same prompt.
    // Stepping by m + m/n rather than m: a theme that recurs every n meetings would otherwise always
    // land on the same prompt. Consecutive steps are 1 or 2, which needs n >= 3 to never wrap onto itself: the built-in
    // library has three a theme and role; an organisation's guide with fewer may show a prompt twice in a row.
    private static FeedbackPrompt Pick(List<FeedbackPrompt> prompts, ulong themeSeed, int meetingNumber)
    {
        var n = prompts.Count;
        var step = (ulong)meetingNumber + (ulong)(meetingNumber / n);
        return prompts[(int)((themeSeed % (ulong)n + step) % (ulong)n)];
    }

    // string.GetHashCode is randomized per process; these keep the order stable across restarts and servers.
    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong ThemeSeed(ulong seed, PromptTheme theme)
    {
        // SplitMix64 finalizer: spreads small input differences over all bits.
        var z = seed + (ulong)(theme + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
