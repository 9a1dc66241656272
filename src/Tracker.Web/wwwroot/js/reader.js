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
  const reviewing = reader.dataset.review === 'true';
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

  // The span being annotated stays visible while the form has the focus: a CSS custom highlight for a
  // selection (it leaves the DOM, and so the offsets, alone), a class on the marks of a claim.
  const showPending = (range, claimId) => {
    CSS.highlights?.delete('pending-claim');
    document.querySelectorAll('mark.editing').forEach(m => m.classList.remove('editing'));
    if (range && typeof Highlight === 'function') {
      CSS.highlights.set('pending-claim', new Highlight(range));
    }
    if (claimId) {
      document.querySelectorAll(`mark.claim[data-claim="${claimId}"]`).forEach(m => m.classList.add('editing'));
    }
  };

  const open = (query, focusAfter) => {
    returnFocus = focusAfter ?? document.activeElement;
    htmx.ajax('GET', `/documents/${documentId}?handler=ClaimForm&${query}`, { target: editor, swap: 'innerHTML' });
  };

  const close = () => {
    showPending(null, null);
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
    showPending(range.cloneRange(), null);
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
    if (reviewing && event.target.closest('mark.suggestion')) {
      return;
    }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) {
      return;
    }
    const target = event.target.closest('mark.claim[data-claim], a.claim-card[data-claim]');
    if (target) {
      showPending(null, target.dataset.claim);
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

  // A review decision that fails is said in the review status line (below); any other form of the page (a claim, the
  // document's details) says so beside itself when the server could not save it, instead of staying as it was with no
  // word: its values are kept for another try.
  const decision = event => /[?&]handler=(Accept|AcceptSentence|Reject)\b/.test(event.detail.requestConfig?.path ?? '');
  const failed = (event, message) => {
    const form = event.detail.elt?.closest?.('form') ?? event.detail.elt;
    if (!form || decision(event)) {
      return;
    }
    let line = form.querySelector(':scope > .request-failed');
    if (!line) {
      line = document.createElement('p');
      line.className = 'notice error request-failed';
      line.setAttribute('role', 'alert');
      form.prepend(line);
    }
    line.textContent = message;
  };
  const refusal = code => code === 401 || code === 403 ? 'Not saved: you may no longer change this document (signed out, or no longer a curator). Reload the page.'
    : code === 400 ? 'Not saved: the page is out of date (its form token expired). Reload the page and try again.'
    : `Not saved: the server answered ${code}. Try again, or reload the page.`;
  document.body.addEventListener('htmx:responseError', event => failed(event, refusal(event.detail.xhr.status)));
  document.body.addEventListener('htmx:sendError', event => failed(event, 'Not saved: the server could not be reached. Check the connection and save again.'));

  // Review mode: the keyboard walks the suggestion cards and decides on the one in focus.
  if (reviewing) {
    const cards = () => [...document.querySelectorAll('#suggestion-panel .suggestion-card')];
    const marksOf = key => [...document.querySelectorAll('mark.suggestion')].filter(m => m.dataset.suggestion === key);
    const show = card => {
      document.querySelectorAll('mark.suggestion.current').forEach(m => m.classList.remove('current'));
      const marks = marksOf(card.dataset.key);
      marks.forEach(m => m.classList.add('current'));
      marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    const focusCard = card => {
      if (card) {
        card.focus({ preventScroll: true });
        card.scrollIntoView({ block: 'nearest' });
      }
    };
    // One decision at a time: a second key press while the first is on its way would decide on a card that
    // the answer is about to remove.
    let deciding = false;
    const act = (card, action) => {
      const button = card?.querySelector(`[data-action="${action}"]`) ?? (action === 'accept-sentence' ? card?.querySelector('[data-action="accept"]') : null);
      if (button && !(deciding && button.hasAttribute('hx-post'))) {
        // A card swapped in a moment ago may not be wired by htmx yet (it does that when the swap settles).
        htmx.process(card);
        button.click();
      }
    };
    const status = message => {
      const line = document.getElementById('review-status');
      if (line) {
        line.textContent = message;
        line.hidden = false;
      }
    };
    const isDecision = event => event.detail.requestConfig?.verb === 'post' && /[?&]handler=(Accept|AcceptSentence|Reject)\b/.test(event.detail.requestConfig.path ?? '');
    document.body.addEventListener('htmx:beforeRequest', event => {
      if (isDecision(event)) {
        deciding = true;
      }
    });
    document.body.addEventListener('htmx:afterRequest', event => {
      if (isDecision(event)) {
        deciding = false;
      }
    });
    // The server answers a refused decision with the reason and the list as it stands; a failure it could not
    // answer (signed out, a lost connection) is said here, and nothing was saved.
    document.body.addEventListener('htmx:responseError', event => {
      if (isDecision(event)) {
        const code = event.detail.xhr.status;
        status(code === 403 ? 'Not saved: you may no longer review (signed out or lost the curator role). Reload the page.'
          : code === 400 ? 'Not saved: the page is out of date (its form token expired). Reload the page and decide again.'
          : `Not saved: the server answered ${code}. Reload the page and try again.`);
      }
    });
    document.body.addEventListener('htmx:sendError', event => {
      if (isDecision(event)) {
        status('Not saved: the server could not be reached. Check the connection and decide again.');
      }
    });

    document.addEventListener('focusin', event => {
      const card = event.target.closest?.('.suggestion-card');
      if (card) {
        show(card);
      }
    });

    document.addEventListener('click', event => {
      const mark = event.target.closest('mark.suggestion');
      if (mark) {
        focusCard(cards().find(c => c.dataset.key === mark.dataset.suggestion));
      }
    });

    document.addEventListener('keydown', event => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, select, textarea, #claim-editor')) {
        return;
      }
      const all = cards();
      const card = event.target.closest?.('.suggestion-card');
      const at = all.indexOf(card);
      const move = step => {
        event.preventDefault();
        focusCard(all[at < 0 ? 0 : Math.max(0, Math.min(all.length - 1, at + step))]);
      };
      switch (event.key) {
        case 'j': move(1); break;
        case 'k': move(-1); break;
        case 'ArrowDown': if (card) { move(1); } break;
        case 'ArrowUp': if (card) { move(-1); } break;
        case 'a': act(card, 'accept'); break;
        case 'Enter': if (card && event.target === card) { event.preventDefault(); act(card, 'accept'); } break;
        case 'A': act(card, 'accept-sentence'); break;
        case 'r': act(card, 'reject'); break;
        case 'e': act(card, 'edit'); break;
        default: return;
      }
    });

    // After a decision the server sends the card to continue with, marked, out of band (or the whole panel when
    // a decision was refused). The card that htmx fires its events on is gone by then, so a mutation observer
    // notices the new one.
    new MutationObserver(() => {
      const next = document.querySelector('#suggestion-panel [data-current]');
      if (next) {
        next.removeAttribute('data-current');
        focusCard(next);
      }
    }).observe(document.querySelector('.claims-panel'), { childList: true, subtree: true });
  }

  // A new form takes the focus, so the keyboard continues where the eye goes.
  document.body.addEventListener('htmx:afterSwap', event => {
    if (event.detail.target === editor) {
      const field = editor.querySelector('[autofocus]') ?? editor.querySelector('h2');
      field?.focus();
    }
  });
})();
