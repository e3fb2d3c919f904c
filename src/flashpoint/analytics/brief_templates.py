"""Jinja2 templates of the brief. HTML is rendered with autoescape on; Markdown escapes text with `md`."""

MARKDOWN_TEMPLATE = """\
# {{ brief.title }}

Generated {{ brief.generated_at.strftime("%Y-%m-%d %H:%M UTC") }} by flashpoint from coded news \
events. Counts are stories (one real event however many reports), not articles.

## Headline numbers

| measure | {{ brief.since }} to {{ brief.until }} | previous period of equal length |
|---|---:|---:|
{% for n in brief.numbers %}
| {{ n.label }} | {{ n.value }} | {{ n.before }} |
{% endfor %}

## Trend

{% if chart %}
![{{ brief.subject | md }} by {{ brief.freq }}]({{ chart }})

{% endif %}
Escalation index by {{ brief.freq }}: `{{ brief.sparkline }}` \
(deviations from the dyad's own baseline; 2 or more is unusual; see docs/ANALYTICS.md){% if brief.series.volume %}, computed per article the outlets published (normalised by volume){% endif %}.

Periods with events:

| period | events | stories | conflict | cooperation | score sum | index |
|---|---:|---:|---:|---:|---:|---:|
{% for p in brief.series.points if p.events %}
| {{ p.period }} | {{ p.events }} | {{ p.stories }} | {{ p.conflict }} | {{ p.cooperation }} \
| {{ "%+.1f" | format(p.score_sum) }} \
| {{ "%+.2f" | format(p.escalation_index) if p.escalation_index is not none else "-" }} |
{% endfor %}

## Main stories

{% for item in brief.timeline %}
{% set s = item.story %}
### {{ s.event_date or "undated" }}: {{ s.category }}, {{ s.actors | join(", ") or "?" }} -> \
{{ s.recipients | join(", ") or "?" }}

> {{ s.headline | md }}

{{ item.articles }} report{{ "s" if item.articles != 1 }} from {{ s.n_outlets }} \
outlet{{ "s" if s.n_outlets != 1 }}{% if item.score is not none %}, PLOVER score \
{{ "%+.1f" | format(item.score) }}{% endif %}; story `{{ s.story_id }}`.
{% for url in item.urls[:5] %}
- <{{ url | md }}>
{% endfor %}

{% else %}
No stories in this period.

{% endfor %}
## Alerts

{% for a in brief.alerts %}
- **{{ a.kind }} {{ a.period }}**: {{ a.message | md }}
{% for sid in a.story_ids %}
  - `{{ sid }}`: {{ (brief.alert_headlines.get(sid) or "") | md }}
{% endfor %}
{% else %}
No alerts in this period.
{% endfor %}
"""

HTML_TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ brief.title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: right; }
th:first-child, td:first-child { text-align: left; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: 3px solid #999; background: #f7f7f7; }
.meta { color: #555; font-size: .85rem; } .alert { margin-bottom: .8rem; }
.kind-escalation, .kind-spike { color: #b00020; } .kind-de-escalation { color: #1b7a1b; }
img { max-width: 100%; } code { font-size: .85rem; }
</style>
</head>
<body>
<h1>{{ brief.title }}</h1>
<p class="meta">Generated {{ brief.generated_at.strftime("%Y-%m-%d %H:%M UTC") }} by flashpoint
from coded news events. Counts are stories (one real event however many reports), not articles.</p>

<h2>Headline numbers</h2>
<table>
<tr><th>measure</th><th>{{ brief.since }} to {{ brief.until }}</th><th>previous period of equal length</th></tr>
{% for n in brief.numbers %}
<tr><td>{{ n.label }}</td><td>{{ n.value }}</td><td>{{ n.before }}</td></tr>
{% endfor %}
</table>

<h2>Trend</h2>
<img src="{{ chart }}" alt="{{ brief.subject }}: conflict and cooperation stories and the escalation index by {{ brief.freq }}">
<p class="meta">Escalation index: deviations of smoothed hostility from the dyad's own trailing
baseline; 2 or more is unusual{% if brief.series.volume %}; computed per article the outlets
published (normalised by volume){% endif %}. Index by {{ brief.freq }}: <code>{{ brief.sparkline }}</code></p>

<h2>Main stories</h2>
{% for item in brief.timeline %}
{% set s = item.story %}
<h3>{{ s.event_date or "undated" }}: {{ s.category }}, {{ s.actors | join(", ") or "?" }} &rarr; {{ s.recipients | join(", ") or "?" }}</h3>
<blockquote>{{ s.headline }}</blockquote>
<p class="meta">{{ item.articles }} report{{ "s" if item.articles != 1 }} from {{ s.n_outlets }} outlet{{ "s" if s.n_outlets != 1 }}{% if item.score is not none %}, PLOVER score {{ "%+.1f" | format(item.score) }}{% endif %}; story <code>{{ s.story_id }}</code></p>
{% if item.urls %}
<ul>
{% for url in item.urls[:5] %}
<li><a href="{{ url }}" rel="noopener noreferrer">{{ url }}</a></li>
{% endfor %}
</ul>
{% endif %}
{% else %}
<p>No stories in this period.</p>
{% endfor %}

<h2>Alerts</h2>
{% for a in brief.alerts %}
<div class="alert"><strong class="kind-{{ a.kind }}">{{ a.kind }} {{ a.period }}</strong>: {{ a.message }}
<ul>
{% for sid in a.story_ids %}
<li><code>{{ sid }}</code>: {{ brief.alert_headlines.get(sid) or "" }}</li>
{% endfor %}
</ul></div>
{% else %}
<p>No alerts in this period.</p>
{% endfor %}
</body>
</html>
"""
