// Resilience dashboard charts (ECharts). The page puts each chart's data as JSON in a data-chart attribute:
// the Content-Security-Policy allows no inline script.
(function () {
    'use strict';

    function radar(data) {
        var max = data.labels.map(function (l) { return {name: l, max: 100}; });
        var line = function (name, values, dashed, width) {
            return {name: name, value: values.map(function (v) { return v === null ? 0 : Math.round(v * 10) / 10; }),
                lineStyle: {type: dashed ? 'dashed' : 'solid', width: width}, symbolSize: dashed ? 0 : 6,
                areaStyle: dashed ? undefined : {opacity: 0.15}};
        };
        return {
            legend: {bottom: 0, data: data.names},
            tooltip: {},
            radar: {indicator: max, radius: '62%', splitNumber: 5},
            series: [{type: 'radar', data: [
                line(data.names[0], data.value, false, 2),
                line(data.names[1], data.lower, true, 1),
                line(data.names[2], data.upper, true, 1)]}]
        };
    }

    function trend(data) {
        return {
            legend: {bottom: 0},
            tooltip: {trigger: 'axis'},
            grid: {left: 40, right: 16, top: 16, bottom: 60},
            xAxis: {type: 'category', data: data.x},
            yAxis: {type: 'value', min: 0, max: 100},
            series: data.series.map(function (s) {
                return {name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 8,
                    lineStyle: {width: s === data.series[data.series.length - 1] ? 3 : 1.5}};
            })
        };
    }

    function bars(data) {
        var errors = data.value.map(function (v, i) { return [i, data.lower[i], data.upper[i]]; })
            .filter(function (e) { return e[1] !== null; });
        return {
            tooltip: {trigger: 'axis'},
            grid: {left: 40, right: 16, top: 16, bottom: 70},
            xAxis: {type: 'category', data: data.labels, axisLabel: {interval: 0, rotate: data.labels.length > 4 ? 30 : 0}},
            yAxis: {type: 'value', min: 0, max: 100},
            series: [
                {name: data.name, type: 'bar', data: data.value, barMaxWidth: 48},
                {type: 'custom', name: '95% CI', data: errors, z: 10,
                    renderItem: function (params, api) {
                        var low = api.coord([api.value(0), api.value(1)]);
                        var high = api.coord([api.value(0), api.value(2)]);
                        var w = 8;
                        var style = {stroke: '#333', lineWidth: 1.5};
                        return {type: 'group', children: [
                            {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: style},
                            {type: 'line', shape: {x1: low[0] - w, y1: low[1], x2: low[0] + w, y2: low[1]}, style: style},
                            {type: 'line', shape: {x1: high[0] - w, y1: high[1], x2: high[0] + w, y2: high[1]}, style: style}]};
                    }}]
        };
    }

    function draw() {
        if (typeof echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(function (el) {
            var data = JSON.parse(el.getAttribute('data-chart'));
            var option = data.type === 'radar' ? radar(data) : data.type === 'trend' ? trend(data) : bars(data);
            var chart = echarts.init(el, null, {renderer: 'svg'});
            option.animation = false;
            chart.setOption(option);
            el.setAttribute('data-drawn', 'true');
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
