// The subscription form: the actor and topic pickers filter as one types any name or alias (Enter ticks the
// first match, so the keyboard alone can pick), the day shows only for weekly digests, and a new subscription
// starts in the browser's time zone.
document.addEventListener('DOMContentLoaded', () => {
  for (const picker of document.querySelectorAll('[data-picker]')) {
    const search = picker.querySelector('input[type=search]');
    const items = [...picker.querySelectorAll('li[data-search]')];
    const chosen = picker.querySelector('[data-picker-selected]');
    const kind = picker.querySelector('legend').firstChild.textContent.trim().toLowerCase();
    const visible = () => items.filter(item => !item.hidden);

    search.addEventListener('input', () => {
      const query = search.value.trim().toLowerCase();
      for (const item of items) {
        item.hidden = query !== '' && !item.dataset.search.includes(query) && !item.querySelector('input').checked;
      }
    });
    search.addEventListener('keydown', event => {
      if (event.key !== 'Enter') return;
      // Enter would submit the form; here it ticks the first match that is not ticked yet.
      event.preventDefault();
      const box = visible().map(item => item.querySelector('input')).find(input => !input.checked);
      if (box) {
        box.checked = true;
        box.dispatchEvent(new Event('change', { bubbles: true }));
        search.value = '';
        search.dispatchEvent(new Event('input'));
      }
    });
    picker.addEventListener('change', () => {
      const names = items.filter(item => item.querySelector('input').checked).map(item => item.textContent.trim());
      chosen.textContent = names.length === 0 ? `None chosen: all ${kind}.` : `Chosen: ${names.join(', ')}`;
    });
  }

  // The day is asked only of weekly digests. The field is in the page for browsers without script, and the
  // server validates it whatever the cadence, so hiding it changes nothing it receives.
  for (const form of document.querySelectorAll('form.subscription')) {
    const day = form.querySelector('[data-weekly-only]');
    const cadences = [...form.querySelectorAll('input[name="Input.Cadence"]')];
    if (!day || cadences.length === 0) continue;
    // A day the server refused stays in sight with its message, whatever the cadence.
    const refused = day.querySelector('.error')?.textContent.trim() !== '';
    const show = () => {
      day.hidden = !refused && cadences.find(radio => radio.checked)?.value === 'daily';
    };
    cadences.forEach(radio => radio.addEventListener('change', show));
    show();
  }

  const zone = document.querySelector('select[data-browser-zone]');
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && [...zone.options].some(option => option.value === browserZone)) {
    zone.value = browserZone;
  }
});
