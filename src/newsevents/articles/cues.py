"""Cue phrases and line shapes of news-page furniture, shared by the text-dump
remover and the HTML post-processor.

All general (no site's own strings): subscription appeals, syndication and
copyright notices, "related"/"recommended" blocks, captions, share widgets,
breadcrumbs, date stamps and bylines.
"""

from __future__ import annotations

import re

TERMINAL_CUES = re.compile(
    r"^(?:dear reader|recommended for you|recommended|related (?:stories|articles|news|coverage|"
    r"content|topics)|related|more from|more stories|more news|read more(?: stories)?|you may also "
    r"like|you might also like|also on|trending(?: now)?|most read|most popular|popular (?:now|"
    r"stories)|top stories|latest news|editor'?s picks|what to read next|comments?(?: \(\d+\))?|"
    r"leave a (?:comment|reply)|share this(?: article| story)?|tags?:?|topics:?|filed under|"
    r"first published|sponsored|promoted stories|from around the web|about the author|"
    r"subscribe(?: now)?|newsletter|don'?t miss|see more|most (?:viewed|shared|watched)|"
    r"more on this(?: story)?|order reprints?|print (?:this )?article|text size|"
    r"write to [^@\n]{1,60}@)\b"
    r"|share (?:it|this story|this article) with"
    r"|this (?:article|story) (?:first |originally )?(?:appeared|was (?:first |originally )?"
    r"published) (?:in|on)"
    r"|support (?:quality|independent|our|local|public) (?:journalism|news|reporting)"
    r"|\bdonate (?:now|today)\b|become a (?:member|subscriber|supporter)"
    r"|(?:subscribe|sign up|register) (?:to|for|now|today)"
    r"|syndicated feed|auto-generated from|has not been edited by|published from a "
    r"(?:wire|syndicated)|only the headline|reworked by"
    r"|all rights reserved|©|\(c\) \d{4}|copyright \d{4}|copyright ©"
    r"|contributed (?:to )?(?:this report|reporting)|^(?:reporting|additional reporting|editing|"
    r"writing|compiled) by\b"
    r"|this material may not be published|may not be (?:published|reproduced|redistributed)"
    r"|unlimited (?:digital )?access|already a subscriber|log ?in to (?:continue|read)"
    r"|click here to (?:subscribe|read)|download (?:the|our) app",
    re.IGNORECASE)
INLINE_CUES = re.compile(
    r"^(?:also read|read also|read more|read:|see also|watch:|watch video|listen:|"
    r"advertisement|advertising|ad\b|sponsored content|story continues below|continue reading|"
    r"scroll to continue|photo:|photos:|image:|picture:|video:|file photo|file -|file:|"
    r"in this (?:photo|image|file photo|picture|handout|undated photo|frame grab|aerial photo)|"
    r"this (?:photo|image|handout photo|picture) (?:taken|released|provided|shows)|"
    r"caption:|credit:|photograph:|(?:\()?photo (?:by|credit|courtesy)|getty images|"
    r"follow us|follow (?:him|her|them) on|share on|share:|tweet|email this|print this|"
    r"whatsapp|facebook|twitter|linkedin|telegram|(?:\d+ )?min(?:ute)? read|listen to (?:this|"
    r"the) (?:article|story)|font size|reading time|updated:?$|loading\.\.\.)",
    re.IGNORECASE)
# Captions credit a photographer or agency at the end: "(AP Photo/Ahn Young-joon)".
CAPTION_TAIL = re.compile(r"\((?:[A-Z]{2,}\s+)?(?:photo|image|file photo|handout)[^)]*\)\s*$|"
                           r"(?:photo|image|credit)\s*:\s*[^.]{0,60}$", re.IGNORECASE)
BREADCRUMB = re.compile(r"(?:^you are here\b)|(?:\s(?:»|›|>|/|→|\|)\s.*\s(?:»|›|>|/|→|\|)\s)|"
                         r"^(?:home|news)\s*(?:»|›|>|/|→)", re.IGNORECASE)
DATE_CUE = re.compile(r"^(?:first published|published|posted|updated|last updated|last modified|"
                       r"date|created|modified)\b[\s:|-]*", re.IGNORECASE)
BYLINE = re.compile(r"^(?:by|written by|reporting by|words by|text by|(?:photography|photos?|"
                    r"pictures|images?|illustrations?|video|graphics) by)\s+[A-Z]", re.IGNORECASE)
TERMINAL_PUNCT = re.compile(r"[.!?…][\"'”’»)\]]*$|[.!?][\"'”’»)]*\s*\(\w+\)$")
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\b|\b(?:IST|GMT|UTC|EST|EDT|"
                   r"PST|PDT|CET|CEST|BST|KST|JST|AEST|ET)\b", re.IGNORECASE)
