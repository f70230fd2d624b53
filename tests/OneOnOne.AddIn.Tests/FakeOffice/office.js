// A fake Office host for the browser tests: served in place of Microsoft's office.js. It presents the appointment
// described by window.__fakeOffice (set by the test before the page loads) in read or compose mode, like Outlook
// does; without that object it behaves like office.js in a plain browser (host null).
(function () {
  "use strict";
  var config = window.__fakeOffice || null;
  var ok = function (value) { return { status: "succeeded", value: value, error: null }; };
  var later = function (fn) { setTimeout(fn, 5); };
  // Compose mode: every field is read through getAsync, asynchronously.
  var asyncField = function (value) {
    return {
      getAsync: function (a, b) {
        var callback = typeof a === "function" ? a : b;
        later(function () { callback(ok(value)); });
      },
    };
  };
  var supported = function (version) {
    var max = (config && config.mailboxVersion) || "1.13";
    var p = function (v) { return v.split(".").map(Number); };
    var a = p(version), m = p(max);
    return a[0] < m[0] || (a[0] === m[0] && (a[1] || 0) <= (m[1] || 0));
  };

  function appointment() {
    var item = config.item;
    var start = new Date(item.start), end = new Date(item.end);
    if (config.mode === "compose") {
      var compose = {
        itemType: "appointment",
        start: asyncField(start),
        end: asyncField(end),
        subject: asyncField(item.subject),
        requiredAttendees: asyncField(item.requiredAttendees || []),
        optionalAttendees: asyncField(item.optionalAttendees || []),
        seriesId: supported("1.7") ? item.seriesId || null : undefined,
        getItemIdAsync: function (callback) { later(function () { callback(ok(item.itemId)); }); },
        // Saving gives the item's EWS id, as Outlook does; a test can make it fail.
        saveAsync: function (a, b) {
          var callback = typeof a === "function" ? a : b;
          later(function () {
            callback(config.saveFails ? { status: "failed", value: null, error: { message: "offline" } } : ok(item.itemId));
          });
        },
      };
      if (supported("1.7")) {
        compose.organizer = asyncField(item.organizer);
        compose.recurrence = asyncField(item.recurrence || null);
      }
      return compose;
    }
    var read = {
      itemType: "appointment",
      start: start,
      end: end,
      subject: item.subject,
      organizer: item.organizer,
      requiredAttendees: item.requiredAttendees || [],
      optionalAttendees: item.optionalAttendees || [],
      itemId: item.itemId,
    };
    if (supported("1.7")) {
      read.seriesId = item.seriesId || null;
      read.recurrence = item.recurrence || null;
    }
    return read;
  }

  var info = { host: config ? "Outlook" : null, platform: config ? "OfficeOnline" : null };
  window.Office = {
    HostType: { Outlook: "Outlook", Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { ItemType: { Appointment: "appointment", Message: "message" }, RestVersion: { v2_0: "v2.0" } },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        later(function () {
          if (callback) callback(info);
          resolve(info);
        });
      });
    },
    context: config
      ? {
          displayLanguage: config.displayLanguage || "en-US",
          officeTheme: config.theme || undefined,
          requirements: { isSetSupported: function (name, version) { return name === "Mailbox" && supported(version || "1.1"); } },
          mailbox: {
            userProfile: config.user,
            item: appointment(),
            // EWS ids carry '/' and '+', REST ids '-' and '_'; demo ids have neither, so they pass through unchanged.
            convertToRestId: function (id) { return id.replace(/\//g, "-").replace(/\+/g, "_"); },
          },
        }
      : { requirements: { isSetSupported: function () { return false; } } },
  };
})();
