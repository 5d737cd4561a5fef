import $ from 'jquery';

export function render(comment, name, rows) {
  // vigil-expect: xss
  $('#comment').html(comment.body);
  // vigil-expect: xss
  $('#list').append('<li>' + name + '</li>');
  // vigil-expect: xss
  $('.title').first().after(`<h2>${name}</h2>`);
  // vigil-expect: xss
  const $item = $('<li class="user">' + name + '</li>');
  // vigil-ok: xss
  $('#comment').text(comment.body);
  // vigil-ok: xss
  $('#list').append($('<li>').text(name));
  // vigil-ok: xss
  $('#list').append('<li>empty</li>');
  // vigil-ok: xss
  $('#comment').html('');
  // vigil-ok: xss
  $('#count').html(rows.length);
  // vigil-ok: xss
  $('#' + name).addClass('active');
  // vigil-ok: xss
  const form = new FormData();
  // vigil-ok: xss
  form.append('name', '<b>' + name + '</b>');
  // vigil-ok: xss
  document.body.append(name);
  return $item;
}

// jQuery fills the callback's parameters with its own values (an index here).
export function renumber() {
  $('.inline-label').each(function (i) {
    // vigil-ok: xss
    $(this).html('#' + (i + 1));
  });
}

// A callback over the caller's values may receive input.
export function listNames(names) {
  names.forEach(function (n) {
    // vigil-expect: xss
    $('#names').append('<li>' + n + '</li>');
  });
}
