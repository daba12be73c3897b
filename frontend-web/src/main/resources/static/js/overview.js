// The overview: every 15 s the site list is fetched again (frontend-web's /overview/sites, which asks
// frontend-api's site summaries as the user) and swapped in when it changed, so status, open alerts and
// last reading stay current without a reload. Polling rather than a live stream: a site's status also
// turns stale by time alone and its last reading moves with every batch, which only the summaries
// compute; 4 small requests a minute per open overview, paused while the tab is hidden.
const main = document.getElementById('overview');
const list = document.getElementById('site-list');
const note = document.getElementById('overview-refresh');
const EVERY_MS = 15000;
let timer = null;

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

async function refresh() {
  clearTimeout(timer);
  try {
    // Accept */*, not text/html: signed out, a script gets 401 and is not remembered as the page to
    // return to after sign-in, as a browser's navigation would be.
    const response = await fetch(main.dataset.refreshUrl,
      { headers: { Accept: '*/*' }, credentials: 'same-origin', redirect: 'manual' });
    if (response.type === 'opaqueredirect' || response.status === 401) {
      note.textContent = 'Signed out: reload the page to sign in again.';
      return; // no more polling
    }
    if (!response.ok) {
      note.textContent = `Could not update (${response.status}); trying again shortly.`;
    } else {
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('site-list');
      if (fresh && fresh.innerHTML !== list.innerHTML) {
        swap(fresh);
      }
      note.textContent = `Updated ${clock.format(new Date())}; updates every 15 s.`;
      main.dataset.refreshedAt = String(Date.now());
    }
  } catch (e) {
    note.textContent = 'Could not update; trying again shortly.';
  }
  schedule();
}

// Keeps the keyboard focus on the same link when the list is replaced under it.
function swap(fresh) {
  const focused = list.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
  list.replaceChildren(...fresh.childNodes);
  if (focused) {
    [...list.querySelectorAll('a')].find(a => a.getAttribute('href') === focused)?.focus();
  }
}

function schedule() {
  clearTimeout(timer);
  if (!document.hidden) {
    timer = setTimeout(refresh, EVERY_MS);
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.hidden) {
    clearTimeout(timer);
  } else {
    refresh(); // back on the tab: catch up at once
  }
});
note.textContent = 'Updates every 15 s.';
schedule();
