// Small enhancements only; every page works without JavaScript.
(function () {
  'use strict';

  // Copy buttons: data-copy names the element whose text is copied.
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var status = button.parentElement.querySelector('.copy-status');
      var done = function (text) { if (status) { status.textContent = text; } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(function () { done('Copied.'); },
          function () { selectText(source); done('Select-all done; press Ctrl+C to copy.'); });
      } else {
        selectText(source);
        done(document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Selected; press Ctrl+C to copy.');
      }
    });
  });

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Upload progress: when the filing form carries files, send it with XHR so a <progress> can show
  // how much is uploaded; the server's answer (form again, or the filed request) replaces the page.
  var form = document.getElementById('filing-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  form.addEventListener('submit', function (event) {
    var hasFiles = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (input) {
      return input.files && input.files.length > 0;
    });
    if (!hasFiles) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form, event.submitter || undefined);
    var progress = form.querySelector('.upload-progress');
    progress.hidden = false;
    var xhr = new XMLHttpRequest();
    // getAttribute: the form's buttons are named "action", which shadows form.action.
    xhr.open('POST', form.getAttribute('action'));
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.addEventListener('load', function () {
      if (xhr.responseURL) { history.replaceState(null, '', xhr.responseURL); }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      form.submit();
    });
    xhr.send(data);
  });
})();
