// The dashboard's charts, drawn by Chart.js (served by the bot) from the data table under each chart: the table is
// what screen readers read and what the CSV holds, so the chart cannot say anything else.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return; // the tables stand on their own
  }
  var style = getComputedStyle(document.body);
  Chart.defaults.font.size = parseFloat(style.fontSize) || 16; // labels at the body's size
  Chart.defaults.font.family = style.fontFamily;
  Chart.defaults.color = style.color;
  document.querySelectorAll('figure.chart').forEach(function (figure) {
    var table = figure.querySelector('table.data');
    var canvas = figure.querySelector('canvas');
    if (!table || !canvas) {
      return;
    }
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1);
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return row.querySelector('th').textContent; });
    var datasets = [];
    heads.forEach(function (head, i) {
      if (head.getAttribute('data-drawn') !== 'true') {
        return;
      }
      var colour = head.getAttribute('data-colour');
      datasets.push({
        label: head.textContent,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: figure.getAttribute('data-shape') === 'lines' ? 3 : 0,
        data: rows.map(function (row) {
          var text = row.querySelectorAll('td')[i].getAttribute('data-value');
          return text === null || text === '' ? null : Number(text);
        })
      });
    });
    var shape = figure.getAttribute('data-shape');
    var stacked = figure.getAttribute('data-stacked') === 'true';
    // long names (a newsletter's title, an action) are shortened beside the bars, to 24 characters and, on a phone,
    // to what fits in 40% of the chart's width (Chart.js would cut them at the canvas's left edge): with an ellipsis,
    // the table and tooltips hold them whole
    var measure = document.createElement('canvas').getContext('2d');
    measure.font = Chart.defaults.font.size + 'px ' + Chart.defaults.font.family;
    var shortLabel = function (value) {
      var label = this.getLabelForValue(value);
      var text = label.length > 24 ? label.substring(0, 23) + '…' : label;
      if (this.isHorizontal()) {
        return text;
      }
      var room = Math.max(48, this.chart.width * 0.4);
      while (text.length > 1 && measure.measureText(text).width > room) {
        text = text.replace(/…$/, '').slice(0, -1).replace(/\s+$/, '') + '…';
      }
      return text;
    };
    var labelAxis = { stacked: stacked, ticks: { callback: shortLabel } };
    var valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } };
    var box = figure.querySelector('.canvas');
    // on a phone the legend wraps to a line per series or two: room for it, so that it is not cut off below
    var legendRoom = box.clientWidth < 500 ? Math.max(0, datasets.length - 2) * 24 : 0;
    box.style.height = (Number(box.getAttribute('data-height')) + legendRoom) + 'px';
    figure.chart = new Chart(canvas, {
      type: shape === 'lines' ? 'line' : 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: shape === 'bars' ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: shape === 'bars' ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: { legend: { display: true, position: 'bottom' } }
      }
    });
  });
});
