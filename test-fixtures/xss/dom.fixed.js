import DOMPurify from 'dompurify';

const BANNER = '<strong>Maintenance tonight</strong>';

export function greet(el, name) {
  // vigil-expect: xss
  el.textContent = `Hello ${name}`;
}

export function showComment(container, comment) {
  // vigil-expect: xss
  container.insertAdjacentHTML('beforeend', '<li>' + comment.body + '</li>');
}

export function legacy(params) {
  // vigil-expect: xss
  document.write('<p>' + params.get('q') + '</p>');
}

export function replace(node, html) {
  // vigil-expect: xss
  node.outerHTML = html;
}

export function append(list, item) {
  // vigil-expect: xss
  list.innerHTML += '<li>' + item + '</li>';
}

export function greetSafe(el, name) {
  // vigil-ok: xss
  el.textContent = `Hello ${name}`;
}

export function banner(el) {
  // vigil-ok: xss
  el.innerHTML = BANNER;
}

export function clear(el) {
  // vigil-ok: xss
  el.innerHTML = '';
}

export function showCommentSafe(container, comment) {
  // vigil-ok: xss
  container.insertAdjacentHTML('beforeend', DOMPurify.sanitize(comment.body));
}

export function count(el, n) {
  // vigil-ok: xss
  el.innerHTML = '<b>' + Number(n) + '</b>';
}

export function copy(from, to) {
  // vigil-ok: xss
  to.setAttribute('title', from.innerHTML);
}
