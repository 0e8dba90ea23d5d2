// Roundtable's small amount of page behaviour. Everything works without it; it adds the CSRF header to
// htmx requests and keeps drafts of forms marked data-draft so that nothing is lost on a bad connection.
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  // Drafts: a form with data-draft="<key>" is saved to this browser's storage as it is filled in and
  // restored when the page is opened again, until a page carrying data-draft-done="<key>" confirms that
  // the server has it. The key holds the form's own idempotency id, so sending it twice records it once.
  var PREFIX = "roundtable-draft:";

  function save(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" && field.name === "_csrf") {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        data[field.name + "|" + field.value] = field.checked;
      } else if (field.type !== "submit" && field.type !== "button") {
        data[field.name] = field.value;
      }
    });
    try {
      localStorage.setItem(PREFIX + form.dataset.draft, JSON.stringify(data));
    } catch (e) {
      // storage full or disabled: the form still works, only the draft is not kept
    }
  }

  function restore(form) {
    var stored;
    try {
      stored = localStorage.getItem(PREFIX + form.dataset.draft);
    } catch (e) {
      return;
    }
    if (!stored) {
      return;
    }
    var data = JSON.parse(stored);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "_csrf") {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        var key = field.name + "|" + field.value;
        if (key in data) {
          field.checked = data[key];
        }
      } else if (field.name in data && field.type !== "submit" && field.type !== "button") {
        field.value = data[field.name];
      }
    });
    var note = form.querySelector("[data-draft-restored]");
    if (note) {
      note.hidden = false;
    }
  }

  function init(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-draft-done]"), function (done) {
      try {
        localStorage.removeItem(PREFIX + done.dataset.draftDone);
      } catch (e) {
        // nothing to clear
      }
    });
    Array.prototype.forEach.call(root.querySelectorAll("form[data-draft]"), function (form) {
      restore(form);
      form.addEventListener("input", function () { save(form); });
      form.addEventListener("change", function () { save(form); });
      form.addEventListener("submit", function () {
        save(form);
        var offline = form.querySelector("[data-offline]");
        if (offline && navigator.onLine === false) {
          offline.hidden = false;
        }
      });
    });
    // confirmation of destructive actions: a button with data-confirm="<question>" asks first
    Array.prototype.forEach.call(root.querySelectorAll("[data-confirm]"), function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.dataset.confirm)) {
          event.preventDefault();
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
})();
