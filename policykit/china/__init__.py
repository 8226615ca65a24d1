"""The bottom layer: what policykit knows about Chinese administrative geography and writing.

Readers, structure, units, numbers and drafting all take it from here, and it imports none of them:

- ``places``: the gazetteer of every division (codes, full, short and former names) and ``region_in``,
  where a document comes from, as a typed ``Region`` (``meta.region``);
- ``levels``: the kinds of division as one type (县 市 区 旗 州 盟 自治县 自治州 地区 新区 …, with the
  tier each stands at and the prefix its units carry);
- ``numerals``: Chinese numerals read with their spans, and written (十二, 一百零五, 两);
- ``dates``: dates read (2023年5月6日, 二〇二三年五月六日, 2023-05-09) and written (2024年4月8日);
- ``headings``: outline numbering (一、 (一) 1. (1) ① 第一章), read and written.
"""
