// The reader's annotation: select text to open the claim form, click a highlight to edit it. Offsets sent to the
// server are Unicode code points into the normalized body; JavaScript strings count UTF-16 units, so every
// length is taken by iterating the string (for…of walks code points), never with .length.
(() => {
  'use strict';
  const reader = document.getElementById('reader');
  const editor = document.getElementById('claim-editor');
  if (!reader || !editor || reader.dataset.canEdit !== 'true') {
    return;
  }

  const documentId = reader.dataset.document;
  let returnFocus = null;

  const codePoints = text => {
    let n = 0;
    for (const _ of text) {
      n++;
    }
    return n;
  };

  // The code-point offset of (node, offset) within the body: the length of the text before it.
  const offsetIn = (body, node, offset) => {
    const before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(node, offset);
    return codePoints(before.toString());
  };

  const open = (query, focusAfter) => {
    returnFocus = focusAfter ?? document.activeElement;
    htmx.ajax('GET', `/documents/${documentId}?handler=ClaimForm&${query}`, { target: editor, swap: 'innerHTML' });
  };

  const close = () => {
    editor.innerHTML = '';
    if (returnFocus && document.contains(returnFocus)) {
      returnFocus.focus();
    }
    returnFocus = null;
  };

  const openSelection = () => {
    const body = document.getElementById('body-text');
    const selection = window.getSelection();
    if (!body || !selection || selection.isCollapsed || selection.rangeCount === 0) {
      return false;
    }
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) {
      return false;
    }
    // Leading and trailing white space is not part of a quote.
    const text = range.toString();
    const trimmedStart = text.trimStart();
    const lead = text.slice(0, text.length - trimmedStart.length);
    const trail = trimmedStart.slice(trimmedStart.trimEnd().length);
    const start = offsetIn(body, range.startContainer, range.startOffset) + codePoints(lead);
    const end = offsetIn(body, range.endContainer, range.endOffset) - codePoints(trail);
    if (end <= start) {
      return false;
    }
    open(`start=${start}&end=${end}`, body);
    return true;
  };

  document.addEventListener('mouseup', event => {
    if (event.button === 0 && !editor.contains(event.target)) {
      openSelection();
    }
  });

  // Keyboard selection (Shift + arrows with caret browsing) opens the form when Shift is let go.
  document.addEventListener('keyup', event => {
    if (event.key === 'Shift' && !editor.contains(event.target)) {
      openSelection();
    }
  });

  document.addEventListener('click', event => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) {
      return;
    }
    const target = event.target.closest('mark.claim[data-claim], a.claim-card[data-claim]');
    if (target) {
      open(`claim=${target.dataset.claim}`, target.matches('a') ? target : null);
    }
    if (event.target.closest('.js-close')) {
      close();
    }
  });

  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && editor.childElementCount > 0) {
      event.preventDefault();
      close();
    }
  });

  // A new form takes the focus, so the keyboard continues where the eye goes.
  document.body.addEventListener('htmx:afterSwap', event => {
    if (event.detail.target === editor) {
      const field = editor.querySelector('[autofocus]') ?? editor.querySelector('h2');
      field?.focus();
    }
  });
})();
