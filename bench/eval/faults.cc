#include "eval/faults.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "allinea/anchors.h"

namespace allinea::eval {
namespace {

struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] std::size_t size() const { return end - begin; }
};

// A sentence of a document being rebuilt: its text and paragraph.
struct Line {
  std::string text;
  std::size_t paragraph = 0;
};

std::vector<Line> Lines(const Document& d) {
  std::vector<Line> out;
  for (const Sentence& s : d.sentences) out.push_back({s.text, s.paragraph});
  return out;
}

// A presegmented document of `lines`, paragraphs renumbered from 0 in
// order, lines and byte spans as its file would have them.
Document Build(const Document& like, const std::vector<Line>& lines) {
  Document d;
  d.name = like.name;
  d.language = like.language;
  std::size_t paragraph = 0, line = 1, offset = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > 0 && lines[k].paragraph != lines[k - 1].paragraph) {
      ++paragraph;
      ++line;
      ++offset;
    }
    Sentence s;
    s.text = s.normalized = lines[k].text;
    s.paragraph = paragraph;
    s.line = line++;
    s.column = 1;
    s.span = {offset, offset + s.text.size()};
    offset += s.text.size() + 1;
    d.sentences.push_back(std::move(s));
  }
  d.paragraph_count = lines.empty() ? 0 : paragraph + 1;
  return d;
}

std::vector<Range> Paragraphs(const Document& d) {
  std::vector<Range> out;
  for (const auto& [begin, end] : ParagraphRanges(d)) out.push_back({begin, end});
  return out;
}

std::size_t Chars(const Document& d, Range r) {
  std::size_t n = 0;
  for (std::size_t k = r.begin; k < r.end; ++k) n += d.sentences[k].text.size();
  return n;
}

// The gold seen from the target: for each target paragraph that translates
// exactly one whole source paragraph, that source paragraph.
struct Correspondence {
  Range tgt;
  Range src;
};

std::vector<Correspondence> ParagraphPairs(const Document& src,
                                           const Document& tgt,
                                           const std::vector<IndexBead>& gold) {
  std::vector<std::size_t> bead_of(tgt.sentences.size(), gold.size());
  for (std::size_t b = 0; b < gold.size(); ++b) {
    for (std::size_t t : gold[b].tgt) bead_of[t] = b;
  }
  const std::vector<Range> src_paras = Paragraphs(src);
  std::vector<Correspondence> out;
  for (const Range& p : Paragraphs(tgt)) {
    std::set<std::size_t> sources;
    bool ok = true;
    for (std::size_t t = p.begin; t < p.end && ok; ++t) {
      const std::size_t b = bead_of[t];
      if (b == gold.size() || gold[b].src.empty()) {
        ok = false;
        break;
      }
      for (std::size_t tt : gold[b].tgt) ok &= tt >= p.begin && tt < p.end;
      sources.insert(gold[b].src.begin(), gold[b].src.end());
    }
    if (!ok || sources.empty()) continue;
    const Range s{*sources.begin(), *sources.rbegin() + 1};
    if (s.size() != sources.size()) continue;
    const bool whole = std::any_of(src_paras.begin(), src_paras.end(),
                                   [&](const Range& q) {
                                     return q.begin == s.begin && q.end == s.end;
                                   });
    if (whole) out.push_back({p, s});
  }
  return out;
}

// The candidate nearest the middle of the document.
template <class T, class Key>
const T* Middle(const std::vector<T>& items, std::size_t size, Key key) {
  const T* best = nullptr;
  double best_distance = 0;
  for (const T& item : items) {
    const double d = std::abs(double(key(item)) - double(size) / 2);
    if (best == nullptr || d < best_distance) {
      best = &item;
      best_distance = d;
    }
  }
  return best;
}

std::set<std::string> Values(const std::string& text, const std::string& lang,
                             const std::string& other) {
  std::set<std::string> out;
  for (const std::string& t : AnchorTerms(text, lang, other)) {
    const TermKind k = KindOfTerm(t);
    if (k == TermKind::kValue || k == TermKind::kDate) out.insert(t);
  }
  return out;
}

// 1-1 gold beads: (source sentence, target sentence).
std::vector<std::pair<std::size_t, std::size_t>> OneToOne(
    const std::vector<IndexBead>& gold) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const IndexBead& b : gold) {
    if (b.src.size() == 1 && b.tgt.size() == 1) out.emplace_back(b.src[0], b.tgt[0]);
  }
  return out;
}

// The first run of ASCII digits in `text` with its first digit changed
// (+2, skipping 0): "60 亿" -> "80 亿".
std::optional<std::string> ChangeFirstNumber(const std::string& text,
                                             std::size_t from) {
  for (std::size_t k = from; k < text.size(); ++k) {
    if (text[k] < '0' || text[k] > '9') continue;
    std::string out = text;
    int d = (text[k] - '0' + 2) % 10;
    if (d == 0) d = 1;
    out[k] = static_cast<char>('0' + d);
    return out;
  }
  return std::nullopt;
}

struct ScaleRewrite {
  std::string_view word;     // as written after the number
  double factor;             // its value
  std::string_view smaller;  // the word to write instead
  double smaller_factor;
};

// Per language: a scale word and a smaller one to rewrite it with.
std::vector<ScaleRewrite> Rewrites(const std::string& language) {
  if (language == "zh") return {{"亿", 1e8, "万", 1e4}, {"万", 1e4, "千", 1e3}};
  if (language == "it") {
    return {{"miliardi", 1e9, "milioni", 1e6}, {"miliardo", 1e9, "milioni", 1e6},
            {"milioni", 1e6, "mila", 1e3}};
  }
  if (language == "en") {
    return {{"billion", 1e9, "million", 1e6}, {"million", 1e6, "thousand", 1e3}};
  }
  return {};
}

// "6,45" in Italian, "6.45" in English and Chinese.
std::optional<double> ReadNumber(std::string_view digits, bool decimal_comma) {
  std::string plain;
  for (const char c : digits) {
    if (c == (decimal_comma ? ',' : '.')) {
      plain.push_back('.');
    } else if (c >= '0' && c <= '9') {
      plain.push_back(c);
    } else if (c != (decimal_comma ? '.' : ',')) {
      return std::nullopt;
    }
  }
  if (plain.empty()) return std::nullopt;
  return std::stod(plain);
}

// `text` with its first "NUMBER [space] SCALE" written with the smaller
// scale word, or nothing.
std::optional<std::string> Rescale(const std::string& text,
                                   const std::string& language) {
  const bool comma = language == "it";
  for (const ScaleRewrite& r : Rewrites(language)) {
    for (std::size_t at = text.find(r.word); at != std::string::npos;
         at = text.find(r.word, at + 1)) {
      std::size_t e = at;
      while (e > 0 && text[e - 1] == ' ') --e;
      std::size_t b = e;
      while (b > 0 && (std::isdigit(static_cast<unsigned char>(text[b - 1])) ||
                       text[b - 1] == '.' || text[b - 1] == ',')) {
        --b;
      }
      if (b == e) continue;
      const std::optional<double> n = ReadNumber(text.substr(b, e - b), comma);
      if (!n) continue;
      const double v = *n * r.factor / r.smaller_factor;
      const std::string number = fmt::format("{}", std::round(v * 1000) / 1000);
      return text.substr(0, b) + number + (language == "zh" ? "" : " ") +
             std::string(r.smaller) + text.substr(at + r.word.size());
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<IndexBead> SwapGold(const std::vector<IndexBead>& gold) {
  std::vector<IndexBead> out;
  for (const IndexBead& b : gold) out.push_back({b.tgt, b.src});
  return out;
}

std::vector<FaultedPair> InjectFaults(const Document& src, const Document& tgt,
                                      const std::vector<IndexBead>& gold) {
  std::vector<FaultedPair> out;
  const std::vector<Line> lines = Lines(tgt);
  const std::vector<Range> paras = Paragraphs(tgt);
  std::vector<Correspondence> pairs;
  for (const Correspondence& c : ParagraphPairs(src, tgt, gold)) {
    // Not the first or last paragraph (titles, bylines), and long enough.
    if (c.tgt.begin > 0 && c.tgt.end < tgt.sentences.size() &&
        Chars(tgt, c.tgt) >= 60 && Chars(src, c.src) >= 60) {
      pairs.push_back(c);
    }
  }
  const auto add = [&](std::string fault, std::string description,
                       std::vector<Line> faulted, FaultExpectation expect) {
    out.push_back({std::move(fault), std::move(description), src,
                   Build(tgt, faulted), expect});
  };
  const auto middle_pair = Middle(pairs, tgt.sentences.size(),
                                  [](const Correspondence& c) { return c.tgt.begin; });

  if (middle_pair) {
    const Correspondence c = *middle_pair;
    std::vector<Line> faulted;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k < c.tgt.begin || k >= c.tgt.end) faulted.push_back(lines[k]);
    }
    add("delete-paragraph",
        fmt::format("target sentences {}-{} removed", c.tgt.begin, c.tgt.end - 1),
        faulted,
        {FindingKind::kOmission, c.src.begin, c.src.end, 0, 0});

    // Untranslated: the paragraph replaced by its source.
    faulted.clear();
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k == c.tgt.begin) {
        for (std::size_t s = c.src.begin; s < c.src.end; ++s) {
          faulted.push_back({src.sentences[s].text, lines[k].paragraph});
        }
      }
      if (k < c.tgt.begin || k >= c.tgt.end) faulted.push_back(lines[k]);
    }
    add("untranslated",
        fmt::format("target sentences {}-{} replaced by source sentences {}-{}",
                    c.tgt.begin, c.tgt.end - 1, c.src.begin, c.src.end - 1),
        faulted,
        {FindingKind::kUntranslated, 0, 0, c.tgt.begin, c.tgt.begin + c.src.size()});

    // Insert: a copy of the paragraph four paragraphs or more away.
    std::size_t p_index = 0;
    while (paras[p_index].begin != c.tgt.begin) ++p_index;
    const std::size_t target_para =
        p_index + 4 < paras.size() ? p_index + 4
                                   : (p_index >= 4 ? p_index - 4 : paras.size());
    if (target_para < paras.size()) {
      const std::size_t at = paras[target_para].begin;
      faulted.clear();
      std::size_t inserted = 0;
      for (std::size_t k = 0; k < lines.size(); ++k) {
        if (k == at) {
          inserted = faulted.size();
          for (std::size_t t = c.tgt.begin; t < c.tgt.end; ++t) {
            // A paragraph of its own: between the previous and this one.
            faulted.push_back({lines[t].text, lines[k].paragraph * 3 + 1});
          }
        }
        faulted.push_back({lines[k].text, lines[k].paragraph * 3 + 2});
      }
      add("insert",
          fmt::format("a copy of target sentences {}-{} inserted before target "
                      "sentence {}",
                      c.tgt.begin, c.tgt.end - 1, at),
          faulted,
          {FindingKind::kAddition, 0, 0, inserted, inserted + c.tgt.size()});
    }
  }

  // Swap two neighbouring paragraphs that each translate a source paragraph.
  std::vector<std::pair<Correspondence, Correspondence>> neighbours;
  for (std::size_t k = 0; k + 1 < pairs.size(); ++k) {
    if (pairs[k].tgt.end == pairs[k + 1].tgt.begin &&
        pairs[k].src.end == pairs[k + 1].src.begin) {
      neighbours.emplace_back(pairs[k], pairs[k + 1]);
    }
  }
  if (const auto* n = Middle(neighbours, tgt.sentences.size(),
                             [](const auto& p) { return p.first.tgt.begin; })) {
    const auto [a, b] = *n;
    std::vector<Line> faulted(lines.begin(), lines.begin() + long(a.tgt.begin));
    for (std::size_t k = b.tgt.begin; k < b.tgt.end; ++k) {
      faulted.push_back({lines[k].text, lines[a.tgt.begin].paragraph});
    }
    for (std::size_t k = a.tgt.begin; k < a.tgt.end; ++k) {
      faulted.push_back({lines[k].text, lines[b.tgt.begin].paragraph});
    }
    faulted.insert(faulted.end(), lines.begin() + long(b.tgt.end), lines.end());
    add("swap",
        fmt::format("target paragraphs at sentences {} and {} swapped",
                    a.tgt.begin, b.tgt.begin),
        faulted,
        {FindingKind::kReordering, a.src.begin, b.src.end, a.tgt.begin, b.tgt.end});
  }

  // Truncate before the paragraph nearest 60% of the target.
  if (paras.size() >= 4) {
    const std::size_t aim = tgt.sentences.size() * 6 / 10;
    const Range* cut = nullptr;
    for (const Range& p : paras) {
      if (p.begin >= aim && p.begin > 0) {
        cut = &p;
        break;
      }
    }
    if (cut != nullptr) {
      // The source sentences aligned to what is cut off.
      std::size_t first_src = src.sentences.size();
      for (const IndexBead& bead : gold) {
        if (!bead.tgt.empty() && bead.tgt[0] >= cut->begin && !bead.src.empty()) {
          first_src = std::min(first_src, bead.src[0]);
        }
      }
      if (first_src < src.sentences.size()) {
        add("truncate",
            fmt::format("target cut before sentence {} of {}", cut->begin,
                        tgt.sentences.size()),
            std::vector<Line>(lines.begin(), lines.begin() + long(cut->begin)),
            {FindingKind::kOmission, first_src, src.sentences.size(), 0, 0});
      }
    }
  }

  // Sentence-level faults on 1-1 beads.
  const auto one_to_one = OneToOne(gold);
  std::vector<std::pair<std::size_t, std::size_t>> inner;
  for (const auto& [s, t] : one_to_one) {
    const Sentence& ts = tgt.sentences[t];
    const bool inside = t > 0 && t + 1 < tgt.sentences.size() &&
                        tgt.sentences[t - 1].paragraph == ts.paragraph &&
                        tgt.sentences[t + 1].paragraph == ts.paragraph;
    if (inside && ts.text.size() >= 40 && src.sentences[s].text.size() >= 40) {
      inner.emplace_back(s, t);
    }
  }
  if (const auto* st = Middle(inner, tgt.sentences.size(),
                              [](const auto& p) { return p.second; })) {
    std::vector<Line> faulted = lines;
    faulted.erase(faulted.begin() + long(st->second));
    add("delete-sentence", fmt::format("target sentence {} removed", st->second),
        faulted, {FindingKind::kOmission, st->first, st->first + 1, 0, 0});
  }

  // Numbers: change one, or write one with another scale.
  std::vector<std::pair<std::size_t, std::size_t>> changeable, rescalable;
  std::vector<std::string> changed_text, rescaled_text;
  for (const auto& [s, t] : one_to_one) {
    const std::string& text = tgt.sentences[t].text;
    const auto src_values =
        Values(src.sentences[s].text, src.language, tgt.language);
    const auto before = Values(text, tgt.language, src.language);
    std::set<std::string> shared;
    for (const std::string& v : before) {
      if (src_values.count(v)) shared.insert(v);
    }
    if (shared.empty()) continue;
    for (std::size_t from = 0; from < text.size(); ++from) {
      const auto changed = ChangeFirstNumber(text, from);
      if (!changed) break;
      const auto after = Values(*changed, tgt.language, src.language);
      const bool lost = std::any_of(shared.begin(), shared.end(),
                                    [&](const std::string& v) { return !after.count(v); });
      if (lost) {
        changeable.emplace_back(s, t);
        changed_text.push_back(*changed);
        break;
      }
      from = text.find_first_not_of("0123456789", text.find_first_of("0123456789", from));
      if (from == std::string::npos) break;
    }
    if (const auto r = Rescale(text, tgt.language);
        r && Values(*r, tgt.language, src.language) == before) {
      rescalable.emplace_back(s, t);
      rescaled_text.push_back(*r);
    }
  }
  if (const auto* st = Middle(changeable, tgt.sentences.size(),
                              [](const auto& p) { return p.second; })) {
    std::vector<Line> faulted = lines;
    const std::size_t k = static_cast<std::size_t>(st - changeable.data());
    faulted[st->second].text = changed_text[k];
    add("change-number",
        fmt::format("a number of target sentence {} changed: {}", st->second,
                    changed_text[k]),
        faulted,
        {FindingKind::kNumberMismatch, st->first, st->first + 1, st->second,
         st->second + 1});
  }
  if (!rescalable.empty()) {
    std::vector<Line> faulted = lines;
    const auto& st = rescalable.front();
    faulted[st.second].text = rescaled_text.front();
    add("rescale-number",
        fmt::format("a number of target sentence {} written with another "
                    "scale: {}",
                    st.second, rescaled_text.front()),
        faulted, {std::nullopt, st.first, st.first + 1, st.second, st.second + 1});
  }
  return out;
}

bool FoundAsExpected(const CheckReport& report, const FaultExpectation& e) {
  const auto overlaps = [](const Place& p, std::size_t b, std::size_t end) {
    if (b == end) return true;  // any
    if (p.empty()) return p.begin >= b && p.begin <= end;
    return p.begin < end && b < p.end;
  };
  if (!e.kind) {
    return std::none_of(report.findings.begin(), report.findings.end(),
                        [&](const Finding& f) {
                          return f.kind == FindingKind::kNumberMismatch &&
                                 overlaps(f.src, e.src_begin, e.src_end);
                        });
  }
  return std::any_of(report.findings.begin(), report.findings.end(),
                     [&](const Finding& f) {
                       return f.kind == *e.kind &&
                              overlaps(f.src, e.src_begin, e.src_end) &&
                              overlaps(f.tgt, e.tgt_begin, e.tgt_end);
                     });
}

}  // namespace allinea::eval
