// The admin pages: a rule's kind shows its fields at once (the "Show its fields" button does it without
// JavaScript), the problems of a refused form get the focus, and a secret can be copied with one click.
for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  for (const select of form.querySelectorAll('select')) {
    select.addEventListener('change', () => form.submit());
  }
}

const problems = document.getElementById('form-problems');
if (problems) {
  problems.focus();
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) {
    continue;
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(source.value);
    button.textContent = 'Copied';
  });
}
