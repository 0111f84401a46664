/*
 * The demo SCOs' runtime, shared by the SCORM 1.2 and the SCORM 2004 package.
 * It finds the LMS's API the way SCORM content must (walking up the parent
 * windows), initializes, resumes at the saved page with the saved answers,
 * and on the quiz sets status and score, commits and finishes. The page's
 * content (pages, quiz, in Norwegian bokmål and English) is in SCO_CONTENT.
 *
 * The LMS logic (MestringSco.Course) is separate from the page so tests can
 * drive it against a real SCORM runtime without a browser. Plain ES5: SCOs
 * run in whatever browser the learner has.
 */
(function (root) {
  'use strict';

  function findApi(win, name) {
    for (var i = 0; win && i < 12; i++) {
      try {
        if (win[name]) return win[name];
      } catch (e) {
        /* a frame of another origin: keep walking */
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** SCORM 1.2: cmi.core.* */
  function lms12(api) {
    var ok = function (v) { return v === 'true'; };
    return {
      version: '1.2',
      initialize: function () { return ok(api.LMSInitialize('')); },
      language: function () { return api.LMSGetValue('cmi.student_preference.language') || ''; },
      location: function () { return api.LMSGetValue('cmi.core.lesson_location') || ''; },
      suspendData: function () { return api.LMSGetValue('cmi.suspend_data') || ''; },
      begin: function () {
        var s = api.LMSGetValue('cmi.core.lesson_status');
        if (s === 'not attempted' || s === '') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
      },
      save: function (location, data) {
        api.LMSSetValue('cmi.core.lesson_location', location);
        api.LMSSetValue('cmi.suspend_data', data);
        return ok(api.LMSCommit(''));
      },
      result: function (percent, passed) {
        api.LMSSetValue('cmi.core.score.min', '0');
        api.LMSSetValue('cmi.core.score.max', '100');
        api.LMSSetValue('cmi.core.score.raw', String(percent));
        api.LMSSetValue('cmi.core.lesson_status', passed ? 'passed' : 'failed');
        return ok(api.LMSCommit(''));
      },
      finish: function (seconds, done) {
        var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
        api.LMSSetValue('cmi.core.session_time', pad(h) + ':' + pad(m) + ':' + pad(s));
        api.LMSSetValue('cmi.core.exit', done ? '' : 'suspend');
        return ok(api.LMSFinish(''));
      },
    };
  }

  /** SCORM 2004: completion and success are separate; a finished module asks the sequencer to continue. */
  function lms2004(api) {
    var ok = function (v) { return v === 'true'; };
    return {
      version: '2004',
      initialize: function () { return ok(api.Initialize('')); },
      language: function () { return api.GetValue('cmi.learner_preference.language') || ''; },
      location: function () { return api.GetValue('cmi.location') || ''; },
      suspendData: function () { return api.GetValue('cmi.suspend_data') || ''; },
      begin: function () {
        var s = api.GetValue('cmi.completion_status');
        if (s === 'not attempted' || s === 'unknown' || s === '') api.SetValue('cmi.completion_status', 'incomplete');
      },
      save: function (location, data, progress) {
        api.SetValue('cmi.location', location);
        api.SetValue('cmi.suspend_data', data);
        api.SetValue('cmi.progress_measure', progress.toFixed(2));
        return ok(api.Commit(''));
      },
      result: function (percent, passed) {
        api.SetValue('cmi.score.min', '0');
        api.SetValue('cmi.score.max', '100');
        api.SetValue('cmi.score.raw', String(percent));
        api.SetValue('cmi.score.scaled', String(percent / 100));
        api.SetValue('cmi.completion_status', 'completed');
        api.SetValue('cmi.progress_measure', '1');
        api.SetValue('cmi.success_status', passed ? 'passed' : 'failed');
        return ok(api.Commit(''));
      },
      finish: function (seconds, done, next) {
        api.SetValue('cmi.session_time', 'PT' + seconds + 'S');
        api.SetValue('cmi.exit', done ? 'normal' : 'suspend');
        if (done && next && api.GetValue('adl.nav.request_valid.continue') === 'true') api.SetValue('adl.nav.request', 'continue');
        return ok(api.Terminate(''));
      },
    };
  }

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (b.indexOf(a[i]) < 0) return false;
    return true;
  }

  /** What the learner does with one SCO: pages, answers, result, finish. */
  function Course(lms, content, clock) {
    this.lms = lms;
    this.content = content;
    this.clock = clock || function () { return Date.now(); };
    this.page = 0;
    this.answers = {};
    this.result = null;
    this.lang = 'nb';
    this.finished = false;
  }
  Course.prototype.pageCount = function () { return this.content.pages.length + 1; };
  Course.prototype.isQuiz = function () { return this.page === this.content.pages.length; };
  Course.prototype.start = function () {
    if (!this.lms.initialize()) return false;
    this.startedAt = this.clock();
    this.lms.begin();
    var saved = null;
    try { saved = JSON.parse(this.lms.suspendData() || 'null'); } catch (e) { saved = null; }
    if (saved && typeof saved === 'object') {
      this.answers = saved.a || {};
      this.result = saved.r || null;
      if (saved.l === 'en' || saved.l === 'nb') this.lang = saved.l;
    } else if (/^en/i.test(this.lms.language())) {
      this.lang = 'en';
    }
    var page = parseInt(this.lms.location(), 10);
    if (page >= 0 && page < this.pageCount()) this.page = page;
    return true;
  };
  Course.prototype.save = function () {
    var data = JSON.stringify({ a: this.answers, r: this.result, l: this.lang });
    return this.lms.save(String(this.page), data, (this.page + 1) / this.pageCount());
  };
  Course.prototype.go = function (page) {
    this.page = Math.max(0, Math.min(this.pageCount() - 1, page));
    return this.save();
  };
  Course.prototype.setLanguage = function (lang) {
    this.lang = lang === 'en' ? 'en' : 'nb';
    return this.save();
  };
  Course.prototype.choose = function (questionId, optionIds) {
    this.answers[questionId] = optionIds.slice();
  };
  /** Scores the quiz, records status and score, and returns which questions were right. */
  Course.prototype.submit = function () {
    var quiz = this.content.quiz, right = 0, perQuestion = {};
    for (var i = 0; i < quiz.questions.length; i++) {
      var q = quiz.questions[i], correct = [];
      for (var j = 0; j < q.options.length; j++) if (q.options[j].correct) correct.push(q.options[j].id);
      perQuestion[q.id] = sameSet(this.answers[q.id] || [], correct);
      if (perQuestion[q.id]) right++;
    }
    var percent = Math.round((100 * right) / quiz.questions.length);
    this.result = { percent: percent, passed: percent >= quiz.passMark, correct: perQuestion };
    this.lms.result(percent, this.result.passed);
    this.save();
    return this.result;
  };
  Course.prototype.retry = function () {
    this.answers = {};
    this.result = null;
    return this.save();
  };
  Course.prototype.finish = function () {
    if (this.finished) return true;
    this.finished = true;
    var seconds = Math.max(1, Math.round((this.clock() - this.startedAt) / 1000));
    var done = !!(this.result && this.result.passed);
    return this.lms.finish(seconds, done, !!this.content.continueWhenDone);
  };

  root.MestringSco = { findApi: findApi, lms12: lms12, lms2004: lms2004, Course: Course };
})(this);
