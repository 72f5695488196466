// One-sided runs of beads: omissions, additions, and what explains them
// better (untranslated text, content moved elsewhere).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "allinea/language.h"
#include "check/internal.h"

namespace allinea::internal {
namespace {

// An untranslated target paragraph has at least this many characters:
// shorter text (a name, a title, a figure) is often the same in both
// languages, and language detection needs words.
constexpr std::size_t kMinUntranslatedChars = 40;
// Identical sentences count from this length on (shorter ones are names,
// product titles, numbers).
constexpr std::size_t kMinIdenticalChars = 20;
// Two runs translate each other when, aligned on their own, this share of
// each side's characters is in beads with both sides and those beads score
// this much on average.
constexpr double kMinReorderCoverage = 0.6;
constexpr double kMinReorderScore = 0.7;
// Candidates tried per run, the nearest first.
constexpr std::size_t kMaxCandidates = 8;
// A paragraph whose characters are mostly in beads scored this much is
// where it belongs.
constexpr double kWellAlignedScore = 0.8;
// The same without values or names to go by.
constexpr double kMinReorderScoreAlone = 0.9;
// Runs shorter than this (in characters, on each side) are not compared:
// "notizia" and "admin" pair up by length alone.
constexpr std::size_t kMinReorderChars = 15;

// A document of sentences [begin, end) of `doc`.
Document Part(const Document& doc, std::size_t begin, std::size_t end) {
  Document part;
  part.name = doc.name;
  part.language = doc.language;
  part.sentences.assign(doc.sentences.begin() + static_cast<long>(begin),
                        doc.sentences.begin() + static_cast<long>(end));
  if (!part.sentences.empty()) {
    const std::size_t first = part.sentences.front().paragraph;
    for (Sentence& s : part.sentences) s.paragraph -= first;
    part.paragraph_count = part.sentences.back().paragraph + 1;
  }
  return part;
}

// Characters of each side in beads with both sides, and their mean score.
struct PairedShare {
  double src = 0;
  double tgt = 0;
  double score = 0;
};

// `a` and `b` are sentences [a_begin, ...) and [b_begin, ...) of the two
// documents whose features `fa` and `fb` are: their lengths are read there.
PairedShare AlignParts(const Document& a, const Document& b,
                       const std::vector<SentenceFeatures>& fa,
                       std::size_t a_begin,
                       const std::vector<SentenceFeatures>& fb,
                       std::size_t b_begin, const AnchorOptions& anchors) {
  AlignDocumentsOptions options;
  options.anchors = anchors;
  const Alignment al = AlignDocuments(a, b, options);
  const double a_all = double(Chars(fa, a_begin, a_begin + a.sentences.size()));
  const double b_all = double(Chars(fb, b_begin, b_begin + b.sentences.size()));
  double a_paired = 0, b_paired = 0, score = 0;
  for (const Bead& bead : al.beads) {
    if (bead.src_begin == bead.src_end || bead.tgt_begin == bead.tgt_end) continue;
    const double chars =
        double(Chars(fa, a_begin + bead.src_begin, a_begin + bead.src_end));
    a_paired += chars;
    b_paired += double(Chars(fb, b_begin + bead.tgt_begin, b_begin + bead.tgt_end));
    score += bead.score * chars;
  }
  PairedShare share;
  if (a_all > 0) share.src = a_paired / a_all;
  if (b_all > 0) share.tgt = b_paired / b_all;
  if (a_paired > 0) share.score = score / a_paired;
  return share;
}

// The value and name terms of sentences [begin, end).
std::set<std::string_view> Evidence(const Features& f,
                                    const std::vector<SentenceFeatures>& side,
                                    std::size_t begin, std::size_t end) {
  std::set<std::string_view> out;
  for (std::size_t k = begin; k < end; ++k) {
    for (const std::uint32_t t : side[k].anchors) {
      const TermKind kind = KindOfTerm(f.vocabulary[t]);
      if (kind == TermKind::kValue || kind == TermKind::kDate ||
          kind == TermKind::kName) {
        out.insert(f.vocabulary[t]);
      }
    }
  }
  return out;
}

// Two runs agree on their values and names: at least half of the terms of
// the smaller set are in the other. Runs without such terms agree only
// when both have two sentences or more (single sentences pair up by length
// alone), which `strict` then asks of the alignment score.
bool EvidenceAgrees(const std::set<std::string_view>& a,
                    const std::set<std::string_view>& b, bool& strict) {
  strict = false;
  if (a.empty() && b.empty()) {
    strict = true;
    return true;
  }
  std::size_t shared = 0;
  for (const std::string_view t : a) shared += b.count(t);
  return 2 * shared >= std::max<std::size_t>(1, std::min(a.size(), b.size()));
}

Severity RunSeverity(const CheckOptions& o, const Run& r) {
  return r.chars > o.max_omission_chars ||
                 r.end - r.begin > o.max_omission_sentences
             ? Severity::kError
             : Severity::kWarning;
}

}  // namespace

std::vector<Run> OneSidedRuns(const CheckContext& c) {
  std::vector<Run> runs;
  for (const Bead& b : c.alignment.beads) {
    const bool src_only = b.tgt_begin == b.tgt_end;
    const bool tgt_only = b.src_begin == b.src_end;
    if (!src_only && !tgt_only) continue;
    const Document& doc = src_only ? c.src : c.tgt;
    const std::size_t begin = src_only ? b.src_begin : b.tgt_begin;
    const std::size_t end = src_only ? b.src_end : b.tgt_end;
    const std::size_t at = src_only ? b.tgt_begin : b.src_begin;
    const auto& f = src_only ? c.features.src : c.features.tgt;
    Run* last = runs.empty() ? nullptr : &runs.back();
    const bool extends = last != nullptr && last->source == src_only &&
                         last->end == begin && last->at == at &&
                         doc.sentences[begin].paragraph ==
                             doc.sentences[last->end - 1].paragraph;
    if (extends) {
      last->end = end;
      last->chars += Chars(f, begin, end);
    } else {
      runs.push_back(Run{src_only, begin, end, at, Chars(f, begin, end), false});
    }
  }
  return runs;
}

void FindUntranslated(const CheckContext& c, std::vector<Run>& runs,
                      std::vector<Finding>& out) {
  const Document& src = c.src;
  const Document& tgt = c.tgt;
  // Source sentences aligned to target sentences [b, e), as a range (or
  // the position before the first aligned one).
  const auto source_of = [&](std::size_t b, std::size_t e) {
    std::size_t lo = src.sentences.size(), hi = 0;
    for (std::size_t j = b; j < e; ++j) {
      const Bead& bead = c.alignment.beads[c.tgt_bead[j]];
      if (bead.src_begin == bead.src_end) continue;
      lo = std::min(lo, bead.src_begin);
      hi = std::max(hi, bead.src_end);
    }
    if (lo >= hi) {
      const Bead& bead = c.alignment.beads[c.tgt_bead[b]];
      return std::pair(bead.src_begin, bead.src_begin);
    }
    return std::pair(lo, hi);
  };
  std::vector<bool> reported(tgt.sentences.size(), false);
  const auto report = [&](std::size_t b, std::size_t e, std::string message) {
    const auto [sb, se] = source_of(b, e);
    Finding f = MakeFinding(c, FindingKind::kUntranslated, Severity::kError,
                            sb, se, b, e);
    f.on_target = true;
    f.message = std::move(message);
    f.subject = Subject(tgt, b, e);
    out.push_back(std::move(f));
    for (std::size_t j = b; j < e; ++j) reported[j] = true;
    // The one-sided runs inside this text, and the source run facing it,
    // are explained.
    for (Run& r : runs) {
      if (!r.source && r.begin >= b && r.end <= e) r.used = true;
      if (r.source && r.at >= b && r.at <= e && se == sb) r.used = true;
    }
  };

  // Whole paragraphs in the source language (with two known, different
  // languages; else only identical sentences tell).
  if (!src.language.empty() && !tgt.language.empty() &&
      src.language != tgt.language) {
    std::size_t b = 0;
    while (b < tgt.sentences.size()) {
      std::size_t e = b + 1;
      while (e < tgt.sentences.size() &&
             tgt.sentences[e].paragraph == tgt.sentences[b].paragraph) {
        ++e;
      }
      if (Chars(c.features.tgt, b, e) >= kMinUntranslatedChars) {
        const std::string language = DetectLanguage(Subject(tgt, b, e));
        if (language == src.language) {
          report(b, e, fmt::format("this paragraph of the translation is in "
                                   "the source language ({}), not {}",
                                   src.language, tgt.language));
        }
      }
      b = e;
    }
  }
  // Sentences copied from the source unchanged.
  for (const Bead& bead : c.alignment.beads) {
    if (bead.src_begin == bead.src_end || bead.tgt_begin == bead.tgt_end) continue;
    if (reported[bead.tgt_begin]) continue;
    if (Chars(c.features.tgt, bead.tgt_begin, bead.tgt_end) < kMinIdenticalChars) {
      continue;
    }
    if (Subject(src, bead.src_begin, bead.src_end) ==
        Subject(tgt, bead.tgt_begin, bead.tgt_end)) {
      report(bead.tgt_begin, bead.tgt_end,
             "the translation is identical to the source");
    }
  }
}

namespace {

// Where else the content of `run` may be: the one-sided runs of the other
// side, and the other side's paragraphs that hold at least half of the
// run's values and names (the aligner may have paired such a paragraph
// with the wrong sentences). Not at the run's own place.
std::vector<std::pair<std::size_t, std::size_t>> Candidates(
    const CheckContext& c, const Run& run, const std::vector<Run>& runs,
    const std::set<std::string_view>& evidence) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const Run& r : runs) {
    if (r.used || r.source == run.source || r.chars < kMinReorderChars) continue;
    if (r.at == run.begin || run.at == r.begin) continue;  // facing: a rewrite
    out.emplace_back(r.begin, r.end);
  }
  if (evidence.size() < 2) return out;
  const Document& other = run.source ? c.tgt : c.src;
  const auto& features = run.source ? c.features.tgt : c.features.src;
  const auto& bead_of = run.source ? c.tgt_bead : c.src_bead;
  for (const auto& [b, e] : ParagraphRanges(other)) {
    if (run.at >= b && run.at <= e) continue;  // its own place
    if (e - b > 3 * (run.end - run.begin) + 2) continue;
    // A paragraph the aligner paired well is where it belongs (a run that
    // repeats it is an addition or an omission, not a move).
    std::size_t well = 0, all = 0;
    for (std::size_t k = b; k < e; ++k) {
      const Bead& bead = c.alignment.beads[bead_of[k]];
      const std::size_t chars = features[k].length;
      all += chars;
      if (bead.src_begin < bead.src_end && bead.tgt_begin < bead.tgt_end &&
          bead.score >= kWellAlignedScore) {
        well += chars;
      }
    }
    if (2 * well >= all) continue;
    const auto terms = Evidence(c.features, features, b, e);
    std::size_t shared = 0;
    for (const std::string_view t : evidence) shared += terms.count(t);
    if (2 * shared >= evidence.size()) out.emplace_back(b, e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // Lengths that cannot translate each other are not tried, and of the
  // rest only the nearest few, so that the pass stays linear in the
  // number of runs (a document repeating itself has many alike).
  const double src_all = double(Chars(c.features.src, 0, c.features.src.size()));
  const double tgt_all = double(Chars(c.features.tgt, 0, c.features.tgt.size()));
  const double ratio = src_all > 0 && tgt_all > 0 ? tgt_all / src_all : 1;
  const auto& other_f = run.source ? c.features.tgt : c.features.src;
  std::erase_if(out, [&](const auto& cand) {
    const double mine = double(run.chars) * (run.source ? ratio : 1 / ratio);
    const double theirs = double(Chars(other_f, cand.first, cand.second));
    return theirs > 3 * mine || mine > 3 * theirs;
  });
  std::sort(out.begin(), out.end(), [&](const auto& x, const auto& y) {
    const auto distance = [&](const auto& cand) {
      return cand.first > run.at ? cand.first - run.at : run.at - cand.first;
    };
    return distance(x) < distance(y);
  });
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

}  // namespace

std::vector<Move> FindReorderings(const CheckContext& c, std::vector<Run>& runs) {
  std::vector<Move> moves;
  std::vector<std::pair<std::size_t, std::size_t>> taken_src, taken_tgt;
  const auto overlaps_taken = [](const auto& taken, std::size_t b, std::size_t e) {
    return std::any_of(taken.begin(), taken.end(), [&](const auto& t) {
      return b < t.second && t.first < e;
    });
  };
  for (Run& run : runs) {
    if (run.used || run.chars < kMinReorderChars) continue;
    const Document& own = run.source ? c.src : c.tgt;
    const Document& other = run.source ? c.tgt : c.src;
    const auto& own_features = run.source ? c.features.src : c.features.tgt;
    const auto& other_features = run.source ? c.features.tgt : c.features.src;
    const auto evidence = Evidence(c.features, own_features, run.begin, run.end);
    const Document part = Part(own, run.begin, run.end);
    std::pair<std::size_t, std::size_t> best{0, 0};
    double best_score = 0;
    for (const auto& [b, e] : Candidates(c, run, runs, evidence)) {
      if (overlaps_taken(run.source ? taken_tgt : taken_src, b, e)) continue;
      bool strict = false;
      if (!EvidenceAgrees(evidence, Evidence(c.features, other_features, b, e),
                          strict)) {
        continue;
      }
      if (strict && (run.end - run.begin < 2 || e - b < 2)) continue;
      const Document other_part = Part(other, b, e);
      const PairedShare share =
          run.source ? AlignParts(part, other_part, own_features, run.begin,
                                  other_features, b, c.options.anchors)
                     : AlignParts(other_part, part, other_features, b,
                                  own_features, run.begin, c.options.anchors);
      const double min_score = strict ? kMinReorderScoreAlone : kMinReorderScore;
      if (share.src >= kMinReorderCoverage && share.tgt >= kMinReorderCoverage &&
          share.score >= min_score && share.score > best_score) {
        best = {b, e};
        best_score = share.score;
      }
    }
    if (best_score == 0) continue;
    run.used = true;
    for (Run& r : runs) {
      if (r.source != run.source && r.begin >= best.first && r.end <= best.second) {
        r.used = true;
      }
    }
    Move m;
    m.src_begin = run.source ? run.begin : best.first;
    m.src_end = run.source ? run.end : best.second;
    m.tgt_begin = run.source ? best.first : run.begin;
    m.tgt_end = run.source ? best.second : run.end;
    taken_src.emplace_back(m.src_begin, m.src_end);
    taken_tgt.emplace_back(m.tgt_begin, m.tgt_end);
    m.finding = MakeFinding(c, FindingKind::kReordering, Severity::kWarning,
                            m.src_begin, m.src_end, m.tgt_begin, m.tgt_end);
    Finding& f = m.finding;
    f.on_target = !run.source;
    f.message = fmt::format(
        "moved: source line {} is translated at target line {}, away from "
        "its place in the order of the source",
        f.src.line, f.tgt.line);
    f.subject = Subject(c.src, m.src_begin, m.src_end) + "\t" +
                Subject(c.tgt, m.tgt_begin, m.tgt_end);
    moves.push_back(std::move(m));
  }
  return moves;
}

void ReportRuns(const CheckContext& c, const std::vector<Run>& runs,
                std::vector<Finding>& out) {
  for (const Run& r : runs) {
    if (r.used) continue;
    Finding f =
        r.source
            ? MakeFinding(c, FindingKind::kOmission, RunSeverity(c.options, r),
                          r.begin, r.end, r.at, r.at)
            : MakeFinding(c, FindingKind::kAddition, RunSeverity(c.options, r),
                          r.at, r.at, r.begin, r.end);
    f.on_target = !r.source;
    const std::size_t n = r.end - r.begin;
    if (r.source) {
      f.subject = Subject(c.src, r.begin, r.end);
      f.message = fmt::format(
          "{} source sentence{} ({} characters) ha{} no translation",
          n, n == 1 ? "" : "s", r.chars, n == 1 ? "s" : "ve");
    } else {
      f.subject = Subject(c.tgt, r.begin, r.end);
      f.message = fmt::format(
          "{} target sentence{} ({} characters) ha{} no counterpart in the "
          "source",
          n, n == 1 ? "" : "s", r.chars, n == 1 ? "s" : "ve");
    }
    out.push_back(std::move(f));
  }
}

}  // namespace allinea::internal
