// A fake Word host for the Word pane's tests: served in place of Microsoft's office.js in the browser tests, and
// evaluated in jsdom by the vitest tests. It presents the document described by window.__fakeWord (set before the page
// loads; the test may change window.__fakeWord.document later, as a person typing would), with Word's batching rules:
// a property can only be read after load() and context.sync(), a call on a null object fails the batch at sync, and
// changes happen at sync. The pane may replace a custom XML part's XML (setXml) and set a content control's tag; both
// change window.__fakeWord.document at sync, and setting a null object's tag fails the batch. Without
// window.__fakeWord it behaves like office.js in a plain browser (host null).
//
// window.__fakeWord = {
//   displayLanguage: "nl-NL", wordApi: "1.4", theme: { bodyBackgroundColor, bodyForegroundColor, isDarkTheme },
//   document: {
//     customXmlParts: [{ namespace: "urn:…", xml: "<…/>" }],
//     controls: [
//       { tag: "oneonone:actions:new", rows: [{ tag: null, cells: ["Action", "Owner", "Due date", "Status"] }, { tag: "oneonone:action:…", cells: [...] }] },
//       { tag: "oneonone:notes:shared", paragraphs: ["line", "line"] }
//     ]
//   }
// }
// What the pane inserted at the cursor is appended to window.__fakeWordInserted.
(function () {
  "use strict";
  var config = window.__fakeWord || null;
  window.__fakeWordInserted = window.__fakeWordInserted || [];
  var later = function (fn) { setTimeout(fn, 5); };
  var versionAtMost = function (version, max) {
    var p = function (v) { return String(v).split(".").map(Number); };
    var a = p(version), m = p(max);
    return a[0] < m[0] || (a[0] === m[0] && (a[1] || 0) <= (m[1] || 0));
  };

  function RequestContext() {
    this.pending = [];
    this.actions = [];
    this.failure = null;
    var self = this;
    this.document = documentObject(this);
    this.sync = function () {
      return new Promise(function (resolve, reject) {
        later(function () {
          var failure = self.failure;
          var pending = self.pending, actions = self.actions;
          self.pending = []; self.actions = []; self.failure = null;
          if (failure) {
            reject(failure);
            return;
          }
          actions.forEach(function (run) { run(); });
          pending.forEach(function (load) { load(); });
          resolve();
        });
      });
    };
  }

  function notLoaded(name) {
    var error = new Error("The property '" + name + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    error.code = "PropertyNotLoaded";
    return error;
  }

  function itemNotFound() {
    var error = new Error("ItemNotFound: the requested resource doesn't exist.");
    error.code = "ItemNotFound";
    return error;
  }

  // An object with loadable scalar properties (read through getters that insist on load + sync). A property in
  // setters can be set as well: the change is queued for the next sync.
  function clientObject(context, properties, isNull, setters) {
    var loaded = {};
    var values = {};
    var obj = {
      load: function (names) {
        var list = typeof names === "string" ? names.split(",") : names || Object.keys(properties);
        context.pending.push(function () {
          loaded.isNullObject = true;
          values.isNullObject = !!isNull;
          list.forEach(function (name) {
            name = name.trim();
            if (!isNull && !(name in properties)) {
              throw new Error("Unknown property " + name);
            }
            loaded[name] = true;
            values[name] = isNull ? undefined : properties[name]();
          });
        });
        return obj;
      },
    };
    Object.keys(properties).concat(["isNullObject"]).forEach(function (name) {
      Object.defineProperty(obj, name, {
        enumerable: true,
        get: function () {
          if (!loaded[name]) throw notLoaded(name);
          return values[name];
        },
        set: setters && setters[name] ? function (value) {
          onNull(context, isNull, function () {
            context.actions.push(function () { setters[name](value); });
          });
        } : undefined,
      });
    });
    return obj;
  }

  // A navigation or method on a null object: fails the batch at the next sync, as Word does.
  function onNull(context, isNull, make) {
    if (isNull) context.failure = context.failure || itemNotFound();
    return make();
  }

  function collection(context, itemsOf) {
    var loadedItems = null;
    var obj = {
      load: function (names) {
        var sub = String(names || "items").split(",").map(function (n) { return n.trim(); })
          .filter(function (n) { return n.indexOf("items/") === 0; }).map(function (n) { return n.slice(6); });
        context.pending.push(function () {
          loadedItems = itemsOf();
          if (sub.length) {
            // Loading "items/x" loads x of every item in the same sync.
            loadedItems.forEach(function (item) { item.load(sub.join(",")); });
            context.pending.splice(0).forEach(function (load) { load(); });
          }
        });
        return obj;
      },
      getFirstOrNullObject: function () {
        return itemsOf()[0] || obj.nullItem();
      },
    };
    Object.defineProperty(obj, "items", {
      get: function () {
        if (!loadedItems) throw notLoaded("items");
        return loadedItems;
      },
    });
    return obj;
  }

  function documentObject(context) {
    var model = function () { return (window.__fakeWord && window.__fakeWord.document) || { customXmlParts: [], controls: [] }; };
    return {
      customXmlParts: {
        getByNamespace: function (namespaceUri) {
          return collection(context, function () {
            return model().customXmlParts.filter(function (p) { return p.namespace === namespaceUri; }).map(function (p) { return xmlPart(context, p); });
          });
        },
      },
      contentControls: {
        getByTag: function (tag) {
          var found = collection(context, function () {
            return model().controls.filter(function (c) { return c.tag === tag; }).map(function (c) { return contentControl(context, c, false); });
          });
          found.nullItem = function () { return contentControl(context, null, true); };
          return found;
        },
      },
      getSelection: function () {
        return {
          insertText: function (text, location) {
            context.actions.push(function () { window.__fakeWordInserted.push({ text: text, location: location }); });
            return {
              select: function (mode) {
                context.actions.push(function () { window.__fakeWordInserted[window.__fakeWordInserted.length - 1].cursor = mode; });
              },
            };
          },
        };
      },
    };
  }

  function xmlPart(context, part) {
    var obj = clientObject(context, { namespaceUri: function () { return part.namespace; } }, false);
    obj.setXml = function (xml) {
      context.actions.push(function () { part.xml = xml; });
    };
    obj.getXml = function () {
      var result = { ready: false };
      context.pending.push(function () { result.ready = true; result.text = part.xml; });
      return Object.defineProperty({}, "value", {
        get: function () {
          if (!result.ready) throw notLoaded("value");
          return result.text;
        },
      });
    };
    return obj;
  }

  function contentControl(context, control, isNull) {
    var obj = clientObject(context, {
      tag: function () { return control.tag; },
      text: function () { return (control.paragraphs || []).join("\r"); },
    }, isNull, { tag: function (value) { control.tag = value; } });
    Object.defineProperty(obj, "tables", {
      get: function () {
        return onNull(context, isNull, function () {
          var tables = collection(context, function () { return control && control.rows ? [table(context, control)] : []; });
          tables.nullItem = function () { return table(context, null); };
          return tables;
        });
      },
    });
    Object.defineProperty(obj, "paragraphs", {
      get: function () {
        return onNull(context, isNull, function () {
          return collection(context, function () {
            return (control.paragraphs || []).map(function (text) { return clientObject(context, { text: function () { return text; } }, false); });
          });
        });
      },
    });
    return obj;
  }

  function table(context, control) {
    var isNull = !control;
    var obj = clientObject(context, {
      values: function () { return control.rows.map(function (r) { return r.cells.slice(); }); },
      rowCount: function () { return control.rows.length; },
    }, isNull);
    obj.getCell = function (rowIndex, cellIndex) {
      return onNull(context, isNull || !control.rows[rowIndex] || control.rows[rowIndex].cells[cellIndex] === undefined, function () {
        var row = control && control.rows[rowIndex];
        // The innermost content control around the cell: the row's own when it has one, else the table's.
        var parent = row && row.tag ? row : control;
        return { body: { parentContentControlOrNullObject: contentControl(context, parent, false) } };
      });
    };
    return obj;
  }

  var host = config ? "Word" : null;
  var info = { host: host, platform: config ? "OfficeOnline" : null };
  window.Office = {
    HostType: { Outlook: "Outlook", Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
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
          requirements: {
            isSetSupported: function (name, version) { return name === "WordApi" && versionAtMost(version || "1.1", config.wordApi || "1.4"); },
          },
        }
      : { requirements: { isSetSupported: function () { return false; } } },
  };
  if (config) {
    window.Word = {
      run: function (batch) {
        var context = new RequestContext();
        return Promise.resolve().then(function () { return batch(context); });
      },
    };
  }
})();
