// Draws the report's charts with the inlined Chart.js from the JSON in #report-data, then marks
// the page: body[data-charts] counts the charts drawn, and each canvas lists its series colours
// (data-colors) and the box of its plot area on the page, legend and axes excluded (data-plot), so
// that a headless browser can check that every series was drawn where the data goes.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var COLOURS = {
    train: '#2563eb', gate: '#d97706', probe: '#b45309', confirm: '#059669', truth: '#111827',
    promoted: '#059669', rejected: '#dc2626', staticRejected: '#f59e0b', proposalFailed: '#6b7280',
    cost: '#7c3aed', tokens: '#0891b2', calls: '#2563eb', modelTime: '#db2777'
  };
  var KIND_COLOURS = ['#dc2626', '#7c3aed', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d', '#ea580c'];
  var drawn = [];

  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.color = '#374151';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  Chart.defaults.plugins.tooltip.callbacks.label = function (ctx) {
    var d = ctx.dataset;
    var ci = d.intervals && d.intervals[ctx.dataIndex];
    return d.label + ': ' + ctx.formattedValue + (ci ? ' [' + ci[0] + ', ' + ci[1] + ']' : '');
  };

  function line(label, values, colour, axis) {
    return {
      type: 'line', label: label, data: values, yAxisID: axis || 'y',
      borderColor: colour, backgroundColor: colour, pointBackgroundColor: colour, pointBorderColor: colour,
      borderWidth: 2.5, pointRadius: 4, pointHoverRadius: 6, spanGaps: true, tension: 0
    };
  }

  function bar(label, values, colour, axis) {
    return {
      type: 'bar', label: label, data: values, yAxisID: axis || 'y', stack: axis ? undefined : 'all',
      borderColor: colour, backgroundColor: colour, borderWidth: 0, maxBarThickness: 46
    };
  }

  function hasData(dataset) {
    return dataset.data.some(function (v) { return v !== null && v !== 0; });
  }

  function axis(title, extra) {
    var a = { beginAtZero: true, title: { display: true, text: title }, grid: { color: '#eef0f3' } };
    for (var k in extra) { a[k] = extra[k]; }
    return a;
  }

  function draw(id, type, datasets, scales, stacked, plugins) {
    var canvas = document.getElementById(id);
    if (stacked) {
      scales.x = { stacked: true, title: { display: true, text: 'iteration' }, grid: { display: false } };
      scales.y.stacked = true;
    } else {
      scales.x = { offset: true, title: { display: true, text: 'iteration' }, grid: { display: false } };
    }
    var chart = new Chart(canvas, {
      type: type,
      data: { labels: data.labels, datasets: datasets },
      options: { responsive: true, interaction: { mode: 'index', intersect: false }, scales: scales,
        plugins: { legend: { position: 'bottom' } } },
      plugins: plugins || []
    });
    canvas.setAttribute('data-colors', datasets.filter(hasData).map(function (d) { return d.borderColor; }).join(','));
    if (scales.y.min !== undefined) {
      canvas.setAttribute('data-y', scales.y.min + ',' + scales.y.max);
    }
    drawn.push(chart);
  }

  // Each accuracy point carries its 95% Wilson interval, drawn as a whisker in the series' colour.
  // data-whiskers on the canvas counts the whiskers drawn, for the headless check.
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var y = chart.scales.y;
      var n = 0;
      // Series measured at the same iteration would hide each other's whiskers: each is set a few
      // pixels apart, in legend order.
      var sets = chart.data.datasets.filter(function (d, i) { return d.intervals && chart.isDatasetVisible(i); });
      chart.data.datasets.forEach(function (d, i) {
        if (!d.intervals || !chart.isDatasetVisible(i)) { return; }
        chart.getDatasetMeta(i).data.forEach(function (p, j) {
          var ci = d.intervals[j];
          if (!ci || d.data[j] === null) { return; }
          var here = sets.filter(function (e) { return e.data[j] !== null && e.intervals[j]; });
          var point = { x: p.x + (here.indexOf(d) - (here.length - 1) / 2) * 6 };
          var top = y.getPixelForValue(ci[1]);
          var bottom = y.getPixelForValue(ci[0]);
          ctx.save();
          ctx.strokeStyle = d.borderColor;
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(point.x, top); ctx.lineTo(point.x, bottom);
          ctx.moveTo(point.x - 5, top); ctx.lineTo(point.x + 5, top);
          ctx.moveTo(point.x - 5, bottom); ctx.lineTo(point.x + 5, bottom);
          ctx.stroke();
          ctx.restore();
          n++;
        });
      });
      chart.canvas.setAttribute('data-whiskers', String(n));
    }
  };

  function measured(label, values, intervals, colour, joined) {
    var d = line(label, values, colour);
    d.intervals = intervals;
    d.spanGaps = joined;
    return d;
  }

  function truthLine(values) {
    // The label comes with the data, so that a page without ground truth never mentions it.
    var d = line(data.truthLabel, values, COLOURS.truth);
    d.borderDash = [6, 4];
    d.pointRadius = 0;
    d.borderWidth = 2;
    return d;
  }

  // An axis that spans the values and their intervals with a margin rather than 0 to 100, so that a
  // few points of change show.
  function accuracyAxis(datasets) {
    var values = [];
    datasets.forEach(function (d) {
      d.data.forEach(function (v, j) {
        if (v === null) { return; }
        values.push(v);
        if (d.intervals && d.intervals[j]) { values.push(d.intervals[j][0], d.intervals[j][1]); }
      });
    });
    var low = values.length ? Math.max(0, Math.floor((Math.min.apply(null, values) - 5) / 10) * 10) : 0;
    var high = values.length ? Math.min(100, Math.ceil((Math.max.apply(null, values) + 5) / 10) * 10) : 100;
    return axis('accuracy %', { beginAtZero: false, min: low, max: high });
  }

  // Only the series a campaign measured (the probe re-run belongs to logs of the earlier gate).
  // Confirm is measured only after a promotion and the gate baseline once per library version:
  // neither is joined across iterations that skipped it.
  var a = data.accuracy;
  var ci = data.intervals;
  var accuracy = [
    measured('train (batch)', a.train, ci.train, COLOURS.train, true),
    measured('gate baseline (fresh items)', a.gate, ci.gate, COLOURS.gate, false),
    measured('probe (baseline re-run)', a.probe, ci.probe, COLOURS.probe, true),
    measured('confirm (never gates)', a.confirm, ci.confirm, COLOURS.confirm, false)
  ].filter(hasData);
  if (data.truth) { accuracy.push(truthLine(data.truth)); }
  draw('chart-accuracy', 'line', accuracy, { y: accuracyAxis(accuracy) }, false, [whiskers]);

  // Small multiples: one chart per environment, the same series and scale rules.
  data.environments.forEach(function (e, i) {
    var sets = [
      measured('train', e.train, e.trainCi, COLOURS.train, true),
      measured('gate baseline', e.gate, e.gateCi, COLOURS.gate, false),
      measured('confirm', e.confirm, e.confirmCi, COLOURS.confirm, false)
    ].filter(hasData);
    if (e.truth) { sets.push(truthLine(e.truth)); }
    draw('chart-env-' + i, 'line', sets, { y: accuracyAxis(sets) }, false, [whiskers]);
  });

  draw('chart-failures', 'bar', data.failureKinds.map(function (k, i) {
    return bar(k.kind, k.counts, KIND_COLOURS[i % KIND_COLOURS.length]);
  }), { y: axis('failing episodes', { ticks: { precision: 0 } }) }, true);

  var d = data.decisions;
  draw('chart-decisions', 'bar', [
    bar('promoted', d.promoted, COLOURS.promoted),
    bar('rejected by the gate', d.rejected, COLOURS.rejected),
    bar('rejected statically', d.staticRejected, COLOURS.staticRejected),
    bar('proposal failed', d.proposalFailed, COLOURS.proposalFailed)
  ], { y: axis('candidates', { ticks: { precision: 0 } }) }, true);

  var s = data.spend;
  draw('chart-spend', 'bar', [
    bar('cost (USD)', s.cost, COLOURS.cost, 'y'),
    line('tokens', s.tokens, COLOURS.tokens, 'y2')
  ], { y: axis('USD'), y2: axis('tokens', { position: 'right', grid: { display: false } }) });

  draw('chart-calls', 'bar', [
    bar('model calls', s.calls, COLOURS.calls, 'y'),
    line('model time (s)', s.modelSeconds, COLOURS.modelTime, 'y2')
  ], { y: axis('calls', { ticks: { precision: 0 } }), y2: axis('seconds', { position: 'right', grid: { display: false } }) });

  drawn.forEach(function (chart) {
    var r = chart.canvas.getBoundingClientRect();
    var area = chart.chartArea;
    chart.canvas.setAttribute('data-plot', [r.left + window.scrollX + area.left, r.top + window.scrollY + area.top,
      area.right - area.left, area.bottom - area.top].map(Math.round).join(','));
  });
  document.body.setAttribute('data-charts', String(drawn.length));
})();
