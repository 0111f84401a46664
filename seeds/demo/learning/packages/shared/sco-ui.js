/*
 * The page of a demo SCO: renders SCO_CONTENT with MestringSco.Course (sco.js)
 * behind it. One page at a time, Previous/Next, a language switch, the quiz
 * as fieldsets of radio buttons or check boxes, the result in a live region,
 * and Finish. Leaving the page finishes too, so the LMS always gets its
 * LMSFinish/Terminate.
 */
(function () {
  'use strict';
  var content = window.SCO_CONTENT;
  var main = document.getElementById('sco');
  var sco = window.MestringSco;
  var words = {
    nb: { prev: 'Forrige', next: 'Neste', quiz: 'Test deg selv', submit: 'Send svar', retry: 'Prøv igjen', finish: 'Avslutt', page: 'Side', of: 'av',
      passed: 'Bestått', failed: 'Ikke bestått', score: 'Du hadde rett på', right: 'Riktig', wrong: 'Ikke riktig', noLms: 'Fant ikke læringsplattformen. Åpne innholdet fra Mestring.', done: 'Ferdig. Du kan lukke innholdet.' },
    en: { prev: 'Previous', next: 'Next', quiz: 'Check yourself', submit: 'Submit answers', retry: 'Try again', finish: 'Finish', page: 'Page', of: 'of',
      passed: 'Passed', failed: 'Not passed', score: 'You got right', right: 'Right', wrong: 'Not right', noLms: 'The learning platform was not found. Open this content from Mestring.', done: 'Done. You may close this content.' },
  };

  var api12 = sco.findApi(window.parent, 'API') || (window.opener && sco.findApi(window.opener, 'API'));
  var api2004 = sco.findApi(window.parent, 'API_1484_11') || (window.opener && sco.findApi(window.opener, 'API_1484_11'));
  var api = content.scormVersion === '2004' ? api2004 : api12;
  if (!api) {
    main.textContent = words.nb.noLms + ' / ' + words.en.noLms;
    return;
  }
  var course = new sco.Course(content.scormVersion === '2004' ? sco.lms2004(api) : sco.lms12(api), content);
  if (!course.start()) {
    main.textContent = words.nb.noLms;
    return;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function button(label, onClick, extra) {
    var b = el('button', extra || { type: 'button' }, [label]);
    b.addEventListener('click', onClick);
    return b;
  }

  function render() {
    var w = words[course.lang], lang = course.lang;
    document.documentElement.setAttribute('lang', lang === 'nb' ? 'nb' : 'en');
    document.title = content.title[lang];
    main.innerHTML = '';
    var switcher = el('nav', { 'aria-label': lang === 'nb' ? 'Språk' : 'Language', class: 'lang' }, [
      button('Norsk', function () { course.setLanguage('nb'); render(); }, { type: 'button', lang: 'nb', 'aria-pressed': String(lang === 'nb') }),
      button('English', function () { course.setLanguage('en'); render(); }, { type: 'button', lang: 'en', 'aria-pressed': String(lang === 'en') }),
    ]);
    main.appendChild(switcher);
    main.appendChild(el('p', { class: 'course' }, [content.title[lang]]));
    var body = el('section', { 'aria-labelledby': 'page-title' });
    if (course.isQuiz()) renderQuiz(body, w, lang);
    else {
      var page = content.pages[course.page];
      body.appendChild(el('h1', { id: 'page-title', tabindex: '-1' }, [page.title[lang]]));
      var text = el('div', { class: 'text' });
      text.innerHTML = page.html[lang]; // authored in this package, never learner input
      body.appendChild(text);
    }
    main.appendChild(body);
    var nav = el('div', { class: 'nav' }, [el('span', {}, [w.page + ' ' + (course.page + 1) + ' ' + w.of + ' ' + course.pageCount()])]);
    if (course.page > 0) nav.appendChild(button(w.prev, function () { course.go(course.page - 1); render(); focusTitle(); }));
    if (!course.isQuiz()) nav.appendChild(button(w.next, function () { course.go(course.page + 1); render(); focusTitle(); }));
    else nav.appendChild(button(w.finish, finish));
    main.appendChild(nav);
  }

  function renderQuiz(body, w, lang) {
    var quiz = content.quiz, result = course.result;
    body.appendChild(el('h1', { id: 'page-title', tabindex: '-1' }, [w.quiz]));
    var form = el('form', {});
    quiz.questions.forEach(function (q, qi) {
      var chosen = course.answers[q.id] || [];
      var fieldset = el('fieldset', {}, [el('legend', {}, [qi + 1 + '. ' + q.prompt[lang]])]);
      q.options.forEach(function (o) {
        var id = q.id + '-' + o.id;
        var input = el('input', { type: q.multiple ? 'checkbox' : 'radio', name: q.id, id: id, value: o.id });
        if (chosen.indexOf(o.id) >= 0) input.checked = true;
        if (result) input.disabled = true;
        fieldset.appendChild(el('div', { class: 'option' }, [input, el('label', { for: id }, [o.text[lang]])]));
      });
      if (result) {
        var ok = result.correct[q.id];
        fieldset.appendChild(el('p', { class: ok ? 'right' : 'wrong' }, [(ok ? w.right : w.wrong) + '. ' + q.explanation[lang]]));
      }
      form.appendChild(fieldset);
    });
    var status = el('p', { role: 'status', class: 'result' });
    if (result) status.textContent = (result.passed ? w.passed : w.failed) + ': ' + w.score + ' ' + result.percent + ' %.';
    if (!result) {
      form.appendChild(el('button', { type: 'submit' }, [w.submit]));
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        quiz.questions.forEach(function (q) {
          var picked = [];
          var inputs = form.querySelectorAll('input[name="' + q.id + '"]');
          for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) picked.push(inputs[i].value);
          course.choose(q.id, picked);
        });
        course.submit();
        render();
        document.querySelector('.result').focus();
      });
    } else if (!result.passed) {
      form.appendChild(button(w.retry, function () { course.retry(); render(); focusTitle(); }));
    }
    body.appendChild(form);
    status.setAttribute('tabindex', '-1');
    body.appendChild(status);
  }

  function focusTitle() {
    var title = document.getElementById('page-title');
    if (title) title.focus();
  }

  function finish() {
    course.finish();
    main.innerHTML = '';
    main.appendChild(el('p', { role: 'status' }, [words[course.lang].done]));
  }

  window.addEventListener('pagehide', function () { course.finish(); });
  render();
})();
