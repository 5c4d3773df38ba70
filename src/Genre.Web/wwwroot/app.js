// The upload page: send the chosen file to POST /predict, then show the verdict, the bars and the timeline.
'use strict';

const $ = (id) => document.getElementById(id);
const main = $('main'), input = $('file'), drop = $('drop'), windowSelect = $('window');
const progress = $('progress'), statusText = $('status-text'), errorBox = $('error');
const result = $('result'), player = $('player');
let playerUrl = null;

const percent = (p) => `${(p * 100).toFixed(1)} %`;
const clock = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

input.addEventListener('change', () => { if (input.files.length) classify(input.files[0]); });

// Drops land on the file input itself (it covers the zone); these only show where to drop.
drop.addEventListener('dragenter', () => drop.classList.add('dragging'));
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', () => drop.classList.remove('dragging'));

function setBusy(busy, text) {
  main.setAttribute('aria-busy', String(busy));
  input.disabled = busy;
  progress.hidden = !busy;
  statusText.textContent = text;
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function classify(file) {
  errorBox.hidden = true;
  result.hidden = true;
  if (playerUrl) URL.revokeObjectURL(playerUrl);
  playerUrl = URL.createObjectURL(file);
  progress.removeAttribute('value');
  setBusy(true, `Uploading ${file.name}…`);

  // XMLHttpRequest, not fetch: only it reports upload progress.
  const body = new FormData();
  body.append('file', file);
  const request = new XMLHttpRequest();
  const query = new URLSearchParams({ tags: '5' });
  if (windowSelect.value) query.set('window', windowSelect.value);
  request.open('POST', `/predict?${query}`);
  request.responseType = 'json';
  request.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
  });
  request.upload.addEventListener('load', () => {
    progress.removeAttribute('value');
    statusText.textContent = `Listening to ${file.name}…`;
  });
  request.addEventListener('load', () => {
    setBusy(false, '');
    const json = request.response;
    if (request.status === 200 && json) {
      render(file, json);
    } else {
      showError(explain(request.status, json));
    }
    input.value = '';
  });
  request.addEventListener('error', () => {
    setBusy(false, '');
    showError('The server could not be reached. Is genre serve still running?');
    input.value = '';
  });
  request.send(body);
}

function explain(status, json) {
  // Problem Details (RFC 9457): the plain-words reason is in "detail".
  const reason = json && json.detail ? json.detail : `the server answered ${status}`;
  switch (status) {
    case 413: return `This file is too large: ${reason}.`;
    case 415: return `This is not an audio file we can read (${reason}). Try a .wav, .mp3, .flac, .ogg or .m4a file.`;
    case 422: return `This audio could not be used: ${reason}.`;
    case 503: return 'The server is busy with other songs. Please try again in a moment.';
    default: return `Something went wrong: ${reason}.`;
  }
}

function render(file, prediction) {
  const genres = Object.keys(prediction.probabilities);
  const colour = (genre) => `g${genres.indexOf(genre) % 10}`;

  const notMusic = !prediction.silent && prediction.is_music === false;
  $('genre').textContent = prediction.genre ?? (prediction.silent ? 'Silence' : 'Not music');
  $('confidence').textContent = prediction.genre
    ? `${percent(prediction.confidence)} confident`
    : notMusic
      ? `This does not sound like music${prediction.other_sound ? ` (it sounds like ${prediction.other_sound.tag}, ${percent(prediction.other_sound.probability)})` : ''}, so no genre`
      : 'no audible sound, so no genre';
  player.src = playerUrl;
  player.setAttribute('aria-label', `Play ${file.name}`);

  const bars = $('bars');
  bars.replaceChildren(...Object.entries(prediction.probabilities)
    .sort((a, b) => b[1] - a[1])
    .map(([genre, p]) => {
      const item = document.createElement('li');
      item.className = 'bar';
      const name = document.createElement('span');
      name.className = 'bar-name';
      name.id = `bar-${genre}`;
      name.textContent = genre;
      const track = document.createElement('div');
      track.className = 'bar-track';
      track.setAttribute('role', 'meter');
      track.setAttribute('aria-labelledby', name.id);
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', '100');
      track.setAttribute('aria-valuenow', (p * 100).toFixed(1));
      track.setAttribute('aria-valuetext', percent(p));
      const fill = document.createElement('div');
      fill.className = `bar-fill ${colour(genre)}`;
      track.append(fill);
      const value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = percent(p);
      item.append(name, track, value);
      requestAnimationFrame(() => { fill.style.width = `${(p * 100).toFixed(2)}%`; });
      return item;
    }));

  const tags = prediction.tags ?? [];
  $('tags').replaceChildren(...tags.map((tag) => {
    const item = document.createElement('li');
    item.className = 'tag';
    item.textContent = `${tag.tag} ${percent(tag.probability)}`;
    return item;
  }));
  $('tags-section').hidden = tags.length === 0;

  // Window length from the grid itself: 3 s for the MFCC CNN, 10 s for the AudioSet network.
  const starts = prediction.segments.map((segment) => segment.start);
  const length = starts.length > 1 ? Math.min(...starts.slice(1).map((s, i) => s - starts[i])) : Math.min(prediction.duration, 10);
  $('window-length').textContent = String(Math.round(length * 10) / 10);
  $('timeline').replaceChildren(...prediction.segments.map((segment) => {
    const cell = document.createElement('li');
    const [top, p] = Object.entries(segment.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
    const span = `${clock(segment.start)}–${clock(segment.start + length)}`;
    const label = segment.silent ? `${span}: silence` : `${span}: ${top} (${percent(p)})`;
    cell.className = segment.silent ? 'cell silent' : `cell ${colour(top)}`;
    cell.title = label;
    cell.setAttribute('aria-label', label);
    return cell;
  }));

  $('legend').replaceChildren(...genres.map((genre) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${colour(genre)}`;
    item.append(swatch, genre);
    return item;
  }));

  result.hidden = false;
  statusText.textContent = `${file.name}: ${prediction.genre ?? (notMusic ? 'not music' : 'silence')}`;
}
