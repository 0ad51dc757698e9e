/* surm-bench report figures: reads the JSON in #chart-data and draws the ECharts charts (quality vs
   parameters, learning curves per task, throughput; with a tuning folder, sensitivity and tuning budget per task).
   Every name shown in HTML (tooltips, lists) goes through echarts.format.encodeHTML or textContent. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var esc = echarts.format.encodeHTML;
  var charts = [];

  function bar(api, x, lo, hi, horizontal) {
    var a = api.coord([x, lo]);
    var b = api.coord([x, hi]);
    var w = 5;
    var style = { stroke: '#3b4a5e', lineWidth: 1.5 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style },
        { type: 'line', shape: { x1: a[0] - w, y1: a[1], x2: a[0] + w, y2: a[1] }, style: style },
        { type: 'line', shape: { x1: b[0] - w, y1: b[1], x2: b[0] + w, y2: b[1] }, style: style }
      ]
    };
  }

  function empty(el, text) {
    el.classList.add('empty');
    el.textContent = text;
  }

  function quality(el, q) {
    var skipped = document.getElementById('chart-skipped');
    q.skipped.forEach(function (s) {
      var li = document.createElement('li');
      li.textContent = 'Not plotted: ' + s;
      skipped.appendChild(li);
    });
    if (!q.points.length) {
      empty(el, 'No method row has a complete average and a positive parameter count to plot.');
      return;
    }
    var front = q.points.filter(function (p) { return q.front.indexOf(p.name) >= 0; })
      .sort(function (a, b) { return a.x - b.x; });
    var seeds = [];
    q.points.forEach(function (p) { p.seeds.forEach(function (y) { seeds.push([p.x, y, p.name]); }); });
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: q.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 80, right: 60, top: 50, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.seriesName === 'seeds') {
            return esc(p.value[2]) + '<br>one seed: ' + p.value[1].toFixed(2);
          }
          if (p.seriesName !== 'methods') { return ''; }
          var pt = q.points[p.dataIndex];
          var spread = pt.low == null ? '' : ' (±' + ((pt.high - pt.low) / 2).toFixed(2) + ' over seeds)';
          return esc(pt.name) + '<br>' + esc(q.yName) + ': ' + pt.y.toFixed(2) + spread +
            '<br>trainable parameters: ' + Math.round(pt.x).toLocaleString('en-US');
        }
      },
      xAxis: { type: 'log', logBase: 10, name: q.xName, nameLocation: 'middle', nameGap: 32 },
      yAxis: { type: 'value', scale: true, name: q.yName, nameLocation: 'middle', nameGap: 52 },
      series: [
        {
          type: 'line', name: 'Pareto front', silent: true, z: 1, symbol: 'none',
          lineStyle: { color: '#9aa5b4', type: 'dashed', width: 1.5 },
          data: front.map(function (p) { return [p.x, p.y]; })
        },
        {
          type: 'custom', name: 'std', silent: true, z: 2,
          encode: { x: 0, y: [1, 2] },
          data: q.points.filter(function (p) { return p.low != null; }).map(function (p) { return [p.x, p.low, p.high]; }),
          renderItem: function (params, api) { return bar(api, api.value(0), api.value(1), api.value(2)); }
        },
        {
          type: 'scatter', name: 'seeds', symbolSize: 6, z: 3,
          itemStyle: { color: 'rgba(36, 87, 166, 0.45)' },
          data: seeds
        },
        {
          type: 'scatter', name: 'methods', symbolSize: 11, z: 4,
          itemStyle: { color: '#2457a6' },
          label: {
            show: true, position: 'right', fontSize: 11, color: '#1d2433',
            backgroundColor: 'rgba(255, 255, 255, 0.8)', padding: [1, 3],
            formatter: function (p) { return p.name; }
          },
          labelLayout: { moveOverlap: 'shiftY' },
          labelLine: { show: true, lineStyle: { color: '#9aa5b4' } },
          data: q.points.map(function (p) { return { name: p.name, value: [p.x, p.y] }; })
        }
      ]
    });
    charts.push(chart);
  }

  function curves(container, c) {
    if (!c.tasks.length) {
      empty(container, 'No run.json with per-epoch metrics was found.');
      return;
    }
    c.tasks.forEach(function (t) {
      var el = document.createElement('div');
      el.className = 'chart';
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', 'learning curves on ' + t.task);
      container.appendChild(el);
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        title: { text: t.task + ': dev ' + t.metric + ' per epoch', left: 'center', textStyle: { fontSize: 13 } },
        grid: { left: 60, right: 20, top: 40, bottom: 80 },
        legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
        tooltip: {
          trigger: 'axis',
          valueFormatter: function (v) { return v == null ? '–' : v.toFixed(2); }
        },
        xAxis: { type: 'category', data: t.epochs, name: 'epoch', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'value', scale: true, name: t.metric + ' (points)', nameLocation: 'middle', nameGap: 40 },
        series: t.series.map(function (s) {
          return { type: 'line', name: s.name, data: s.mean, connectNulls: false, symbolSize: 6 };
        })
      });
      charts.push(chart);
    });
  }

  function throughput(el, t) {
    if (!t.labels.length) {
      empty(el, 'No completed run recorded a training throughput.');
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: t.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 80, right: 30, top: 50, bottom: 90 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var sd = t.std[p.dataIndex];
          return esc(t.labels[p.dataIndex]) + '<br>' + t.mean[p.dataIndex].toFixed(1) +
            (sd == null ? '' : ' ± ' + sd.toFixed(1)) + ' ' + esc(t.yName);
        }
      },
      xAxis: { type: 'category', data: t.labels, axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', name: t.yName, nameLocation: 'middle', nameGap: 56 },
      series: [
        { type: 'bar', name: 'mean', data: t.mean, itemStyle: { color: '#6f8fc4' }, barMaxWidth: 48 },
        {
          type: 'custom', name: 'std', silent: true, z: 3,
          encode: { x: 0, y: [1, 2] },
          data: t.mean.map(function (m, i) { return t.std[i] == null ? null : [i, m - t.std[i], m + t.std[i]]; })
            .filter(function (d) { return d !== null; }),
          renderItem: function (params, api) { return bar(api, api.value(0), api.value(1), api.value(2)); }
        }
      ]
    });
    charts.push(chart);
  }

  function small(container, label) {
    var el = document.createElement('div');
    el.className = 'chart';
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
    container.appendChild(el);
    return echarts.init(el, null, { renderer: 'canvas' });
  }

  function fmt(v) { return v == null ? '–' : v.toFixed(2); }

  /* tuning: per task, validation headline vs learning rate (log x), the final runs' rate marked; the
     validation loss likewise where the trials recorded it; and the expected best validation score vs
     the number of rates tried (Dodge et al. 2019). */
  function rateChart(container, task, what, unit, values, chosenValue) {
    var chart = small(container, 'validation ' + what + ' against the learning rate on ' + task.task);
    chart.setOption({
      animation: false,
      title: { text: task.task + ': validation ' + what + ' vs learning rate', left: 'center', textStyle: { fontSize: 13 } },
      grid: { left: 60, right: 20, top: 40, bottom: 80 },
      legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.componentType === 'markPoint') { return esc(p.seriesName) + '<br>the final runs\' rate'; }
          return esc(p.seriesName) + '<br>lr ' + p.value[0].toExponential(2) + ': ' + fmt(p.value[1]);
        }
      },
      xAxis: { type: 'log', logBase: 10, name: 'learning rate (log scale)', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'value', scale: true, name: what + unit, nameLocation: 'middle', nameGap: 40 },
      series: task.series.map(function (s) {
        var ys = values(s);
        var data = s.rates.map(function (r, i) { return [r, ys[i]]; })
          .filter(function (d) { return d[1] != null; });
        var at = chosenValue(s);
        var mark = s.chosen == null || at == null ? [] : [{ coord: [s.chosen, at], value: 'final' }];
        return {
          type: 'line', name: s.name, data: data, symbolSize: 6,
          markPoint: { symbol: 'diamond', symbolSize: 16, label: { show: false }, data: mark }
        };
      })
    });
    charts.push(chart);
  }

  function tuning(t) {
    var sens = document.getElementById('chart-sensitivity');
    var budget = document.getElementById('chart-budget');
    var loss = document.getElementById('chart-loss');
    if (!sens || !budget || !t || !t.tasks.length) { return; }
    t.tasks.forEach(function (task) {
      rateChart(sens, task, task.metric, ' (points)', function (s) { return s.values; },
        function (s) { return s.chosenValue; });
      if (loss && task.series.some(function (s) { return s.losses.some(function (v) { return v != null; }); })) {
        rateChart(loss, task, 'loss', ' (lower is better)', function (s) { return s.losses; },
          function (s) { return s.chosenLoss; });
      }
      var n = 0;
      task.series.forEach(function (s) { n = Math.max(n, s.expectedMax.length); });
      var ticks = [];
      for (var i = 1; i <= n; i++) { ticks.push(i); }
      var chart2 = small(budget, 'expected best validation ' + task.metric + ' per tuning budget on ' + task.task);
      chart2.setOption({
        animation: false,
        title: { text: task.task + ': expected best validation ' + task.metric, left: 'center', textStyle: { fontSize: 13 } },
        grid: { left: 60, right: 20, top: 40, bottom: 80 },
        legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        xAxis: { type: 'category', data: ticks, name: 'rates tried', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'value', scale: true, name: task.metric + ' (points)', nameLocation: 'middle', nameGap: 40 },
        series: task.series.map(function (s) {
          return { type: 'line', name: s.name, data: s.expectedMax, symbolSize: 6 };
        })
      });
      charts.push(chart2);
    });
  }

  quality(document.getElementById('chart-quality'), data.quality);
  curves(document.getElementById('chart-curves'), data.curves);
  throughput(document.getElementById('chart-throughput'), data.throughput);
  tuning(data.tuning);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts', 'ready');
}());
