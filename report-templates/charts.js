/* surm-bench report figures: reads the JSON in #chart-data and draws two ECharts charts.
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
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: q.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 80, right: 170, top: 50, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.seriesType !== 'scatter') { return ''; }
          var pt = q.points[p.dataIndex];
          var spread = pt.low == null ? '' : ' (±' + ((pt.high - pt.low) / 2).toFixed(2) + ')';
          return esc(pt.name) + '<br>' + esc(q.yName) + ': ' + pt.y.toFixed(2) + spread +
            '<br>trainable parameters: ' + Math.round(pt.x).toLocaleString('en-US');
        }
      },
      xAxis: { type: 'log', logBase: 10, name: q.xName, nameLocation: 'middle', nameGap: 32 },
      yAxis: { type: 'value', scale: true, name: q.yName, nameLocation: 'middle', nameGap: 52 },
      series: [
        {
          type: 'custom', name: 'std', silent: true, z: 1,
          encode: { x: 0, y: [1, 2] },
          data: q.points.filter(function (p) { return p.low != null; }).map(function (p) { return [p.x, p.low, p.high]; }),
          renderItem: function (params, api) { return bar(api, api.value(0), api.value(1), api.value(2)); }
        },
        {
          type: 'scatter', name: 'methods', symbolSize: 11, z: 2,
          itemStyle: { color: '#2457a6' },
          label: { show: true, position: 'right', formatter: function (p) { return p.name; } },
          data: q.points.map(function (p) { return { name: p.name, value: [p.x, p.y] }; })
        }
      ]
    });
    charts.push(chart);
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

  quality(document.getElementById('chart-quality'), data.quality);
  throughput(document.getElementById('chart-throughput'), data.throughput);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts', 'ready');
}());
