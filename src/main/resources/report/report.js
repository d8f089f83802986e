// Draws the report's charts with the inlined Chart.js from the JSON in #report-data, then marks
// the page: body[data-charts] counts the charts drawn, and each canvas lists its series colours
// (data-colors) and the box of its plot area on the page, legend and axes excluded (data-plot), so
// that a headless browser can check that every series was drawn where the data goes.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var COLOURS = {
    train: '#2563eb', probe: '#d97706', confirm: '#059669',
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

  function draw(id, type, datasets, scales, stacked) {
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
        plugins: { legend: { position: 'bottom' } } }
    });
    canvas.setAttribute('data-colors', datasets.filter(hasData).map(function (d) { return d.borderColor; }).join(','));
    if (scales.y.min !== undefined) {
      canvas.setAttribute('data-y', scales.y.min + ',' + scales.y.max);
    }
    drawn.push(chart);
  }

  // Only the series a campaign measured (the probe re-run belongs to logs of the earlier gate), on
  // an axis that spans the values with a margin rather than 0 to 100, so a few points of change show.
  // Confirm is measured only after a promotion: it is not joined across iterations it skipped.
  var a = data.accuracy;
  var confirm = line('confirm (never gates)', a.confirm, COLOURS.confirm);
  confirm.spanGaps = false;
  var accuracy = [
    line('train (batch)', a.train, COLOURS.train),
    line('probe (baseline re-run)', a.probe, COLOURS.probe),
    confirm
  ].filter(hasData);
  var values = [];
  accuracy.forEach(function (d) { d.data.forEach(function (v) { if (v !== null) { values.push(v); } }); });
  var low = values.length ? Math.max(0, Math.floor((Math.min.apply(null, values) - 10) / 10) * 10) : 0;
  var high = values.length ? Math.min(100, Math.ceil((Math.max.apply(null, values) + 10) / 10) * 10) : 100;
  draw('chart-accuracy', 'line', accuracy,
    { y: axis('accuracy %', { beginAtZero: false, min: low, max: high }) });

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
