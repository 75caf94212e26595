"""Charts as Vega-Lite specifications (plain dicts, JSON as they stand), rendered to SVG or PNG by
vl-convert (charts.render). A kind of chart is a function from domain values to a spec
(charts.e1rm); the web app can hand the same spec to the browser's Vega-Lite."""
