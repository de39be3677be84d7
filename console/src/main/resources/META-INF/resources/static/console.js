/* Keeps what an officer types in a form (data-draft) in this tab's sessionStorage, so a form sent after the
   session expired comes back filled in after signing in again. Cleared by a page that confirms the form
   went through (<meta name="draft-done" content="KEY">). Hidden fields are never kept. */
(function () {
  var prefix = 'motcua-draft:';
  document.querySelectorAll('meta[name="draft-done"]').forEach(function (m) {
    sessionStorage.removeItem(prefix + m.content);
  });
  document.querySelectorAll('form[data-draft]').forEach(function (form) {
    var key = prefix + form.getAttribute('data-draft');
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (e) {
        return e.name && e.type !== 'hidden' && e.type !== 'password' && e.type !== 'submit';
      });
    };
    var saved = sessionStorage.getItem(key);
    if (saved && !form.hasAttribute('data-draft-filled')) {
      try {
        var values = JSON.parse(saved);
        fields().forEach(function (e) {
          var id = e.name + (e.type === 'checkbox' || e.type === 'radio' ? '=' + e.value : '');
          if (!(id in values)) return;
          if (e.type === 'checkbox' || e.type === 'radio') e.checked = values[id]; else e.value = values[id];
        });
      } catch (ignored) { sessionStorage.removeItem(key); }
    }
    var save = function () {
      var values = {};
      fields().forEach(function (e) {
        if (e.type === 'checkbox' || e.type === 'radio') values[e.name + '=' + e.value] = e.checked;
        else values[e.name] = e.value;
      });
      sessionStorage.setItem(key, JSON.stringify(values));
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  });
})();

/* A form the services refused: the first field marked invalid gets the focus (the sentence is beside it); with
   none marked, the first sentence beside a table is scrolled into view. */
(function () {
  var field = document.querySelector('form [aria-invalid="true"]');
  if (field) { field.focus(); return; }
  var sentence = document.querySelector('.field-error');
  if (sentence) { sentence.scrollIntoView({ block: 'center' }); }
})();
