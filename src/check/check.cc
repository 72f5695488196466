// CheckTranslation(): the findings, the summary and the verdict.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "allinea/check.h"
#include "allinea/error.h"
#include "check/internal.h"
#include "internal/unicode.h"

namespace allinea {
namespace {

constexpr std::array<std::pair<std::string_view, FindingKind>, kFindingKinds>
    kKinds = {{
        {"omission", FindingKind::kOmission},
        {"addition", FindingKind::kAddition},
        {"number-mismatch", FindingKind::kNumberMismatch},
        {"name-mismatch", FindingKind::kNameMismatch},
        {"untranslated", FindingKind::kUntranslated},
        {"reordering", FindingKind::kReordering},
        {"not-a-translation", FindingKind::kNotATranslation},
    }};

// Below these the aligned part does not look like a translation: the mean
// score of the beads with both sides, and the share of their values and
// names that the other side has (internal::AnchorAgreement). Real
// translations score 0.9 and agree at 0.7 or more (docs/check.md); the
// newsletter against the interview scores 0.42 and agrees at 0.07.
constexpr double kMinPairedScore = 0.6;
constexpr double kMinAgreement = 0.3;
// With fewer anchor terms than this the agreement says nothing, and the
// score alone decides, against a lower bar.
constexpr std::size_t kMinAgreementTerms = 5;
constexpr double kMinPairedScoreAlone = 0.5;

bool Paired(const Bead& b) {
  return b.src_begin < b.src_end && b.tgt_begin < b.tgt_end;
}

}  // namespace

std::string_view FindingKindName(FindingKind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "?";
}

FindingKind ParseFindingKind(std::string_view name) {
  for (const auto& [n, k] : kKinds) {
    if (n == name) return k;
  }
  throw UsageError(fmt::format(
      "unknown finding kind '{}' (expected omission, addition, "
      "number-mismatch, name-mismatch, untranslated, reordering or "
      "not-a-translation)",
      name));
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "?";
}

Severity ParseSeverity(std::string_view name) {
  if (name == "note") return Severity::kNote;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  throw UsageError(fmt::format(
      "unknown severity '{}' (expected error, warning or note)", name));
}

namespace internal {

std::size_t Chars(const std::vector<SentenceFeatures>& side, std::size_t begin,
                  std::size_t end) {
  std::size_t n = 0;
  for (std::size_t k = begin; k < end; ++k) n += side[k].length;
  return n;
}

CheckContext MakeContext(const Document& src, const Document& tgt,
                         const Alignment& alignment, const Features& features,
                         const CheckOptions& options) {
  CheckContext c{src, tgt, alignment, features, options, {}, {},
                 MakeNameContext(src, tgt, features)};
  c.src_bead.assign(src.sentences.size(), 0);
  c.tgt_bead.assign(tgt.sentences.size(), 0);
  for (std::size_t k = 0; k < alignment.beads.size(); ++k) {
    const Bead& b = alignment.beads[k];
    for (std::size_t i = b.src_begin; i < b.src_end; ++i) c.src_bead[i] = k;
    for (std::size_t j = b.tgt_begin; j < b.tgt_end; ++j) c.tgt_bead[j] = k;
  }
  return c;
}

Finding MakeFinding(const CheckContext& c, FindingKind kind, Severity severity,
                    std::size_t sb, std::size_t se, std::size_t tb,
                    std::size_t te) {
  Finding f;
  f.kind = kind;
  f.severity = severity;
  f.src = MakePlace(c.src, sb, se);
  f.tgt = MakePlace(c.tgt, tb, te);
  f.src_excerpt = Excerpt(c.src, sb, se);
  f.tgt_excerpt = Excerpt(c.tgt, tb, te);
  return f;
}

Place MakePlace(const Document& doc, std::size_t begin, std::size_t end) {
  Place p;
  p.begin = begin;
  p.end = end;
  if (doc.sentences.empty()) return p;
  const Sentence& s = doc.sentences[std::min(begin, doc.sentences.size() - 1)];
  p.line = s.line;
  p.column = s.column;
  p.paragraph = s.paragraph;
  return p;  // a position after the end: the last sentence's place
}

std::string Excerpt(const Document& doc, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxChars = 100;
  std::string joined;
  for (std::size_t k = begin; k < end; ++k) {
    AppendJoined(joined, doc.sentences[k].text);
    if (joined.size() > 4 * kMaxChars) break;
  }
  std::size_t pos = 0;
  std::size_t chars = 0;
  while (pos < joined.size() && chars < kMaxChars) {
    (void)NextCodePoint(joined, pos);
    ++chars;
  }
  if (pos < joined.size()) {
    joined.resize(pos);
    joined += "…";
  }
  return joined;
}

std::string Subject(const Document& doc, std::size_t begin, std::size_t end) {
  std::string joined;
  for (std::size_t k = begin; k < end; ++k) {
    AppendJoined(joined, doc.sentences[k].normalized);
  }
  return joined;
}

}  // namespace internal

CheckReport CheckTranslation(const Document& src, const Document& tgt,
                             const Alignment& alignment,
                             const CheckOptions& options) {
  return CheckTranslation(src, tgt, ExtractFeatures(src, tgt, options.anchors),
                          alignment, options);
}

CheckReport CheckTranslation(const Document& src, const Document& tgt,
                             const Features& features,
                             const Alignment& alignment,
                             const CheckOptions& options) {
  using internal::Chars;
  const internal::CheckContext c =
      internal::MakeContext(src, tgt, alignment, features, options);

  CheckReport report;
  report.src_name = src.name;
  report.tgt_name = tgt.name;
  CheckSummary& sum = report.summary;
  sum.src_sentences = src.sentences.size();
  sum.tgt_sentences = tgt.sentences.size();
  const std::size_t src_chars = Chars(features.src, 0, features.src.size());
  const std::size_t tgt_chars = Chars(features.tgt, 0, features.tgt.size());
  std::size_t src_paired = 0, tgt_paired = 0;
  double score_sum = 0, paired_score = 0, paired_weight = 0;
  for (const Bead& b : alignment.beads) {
    score_sum += b.score;
    if (!Paired(b)) continue;
    const std::size_t chars = Chars(features.src, b.src_begin, b.src_end);
    src_paired += chars;
    tgt_paired += Chars(features.tgt, b.tgt_begin, b.tgt_end);
    paired_score += b.score * static_cast<double>(chars);
    paired_weight += static_cast<double>(chars);
  }
  sum.src_coverage = src_chars > 0 ? double(src_paired) / double(src_chars) : 1;
  sum.tgt_coverage = tgt_chars > 0 ? double(tgt_paired) / double(tgt_chars) : 1;
  if (src_chars > 0 && tgt_chars == 0) sum.tgt_coverage = 0;
  if (tgt_chars > 0 && src_chars == 0) sum.src_coverage = 0;
  sum.mean_score = alignment.beads.empty()
                       ? 0
                       : score_sum / static_cast<double>(alignment.beads.size());

  std::vector<Finding> found;
  const double mean_paired =
      paired_weight > 0 ? paired_score / paired_weight : 0;
  const double agreement = internal::AnchorAgreement(c, kMinAgreementTerms);
  const bool corresponds =
      src_chars == 0 || tgt_chars == 0 ||
      (agreement >= 0 ? mean_paired >= kMinPairedScore || agreement >= kMinAgreement
                      : mean_paired >= kMinPairedScoreAlone);
  const bool same_language = options.same_language_is_untranslated &&
                             !src.language.empty() &&
                             src.language == tgt.language && tgt_chars > 0;
  if (same_language) {
    Finding f = internal::MakeFinding(c, FindingKind::kUntranslated,
                                      Severity::kError, 0, src.sentences.size(),
                                      0, tgt.sentences.size());
    f.on_target = true;
    f.message = fmt::format(
        "the translation is in the language of the source ({}); give "
        "--src-lang and --tgt-lang if that is intended",
        src.language);
    f.subject = "same language\t" + src.language;
    found.push_back(std::move(f));
  }
  if (!corresponds &&
      !options.ignore.count(FindingKind::kNotATranslation)) {
    Finding f = internal::MakeFinding(c, FindingKind::kNotATranslation,
                                      Severity::kError, 0, src.sentences.size(),
                                      0, tgt.sentences.size());
    f.message = fmt::format(
        "the documents do not correspond: the aligned sentences score {:.2f} "
        "on average{}",
        mean_paired,
        agreement >= 0
            ? fmt::format(" and {:.0f}% of their numbers and names have an "
                          "equal on the other side",
                          100 * agreement)
            : std::string());
    f.subject = src.name + "\t" + tgt.name;
    found.push_back(std::move(f));
  } else {
    for (Finding& f : internal::Detect(c)) {
      found.push_back(std::move(f));
    }
  }

  for (Finding& f : found) {
    if (options.ignore.count(f.kind)) continue;
    f.baselined = options.baseline.count(BaselineKey(f)) > 0;
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     const auto key = [](const Finding& f) {
                       return std::pair(f.src.begin, f.tgt.begin);
                     };
                     return key(a) < key(b);
                   });

  std::size_t failing = 0;
  for (const Finding& f : report.findings) {
    ++sum.counts[static_cast<std::size_t>(f.kind)][static_cast<std::size_t>(f.severity)];
    if (f.baselined) {
      ++sum.baselined;
    } else if (f.severity >= options.fail_on) {
      ++failing;
    }
  }
  if (failing > 0) {
    report.reasons.push_back(fmt::format(
        "{} finding{} of severity {} or higher", failing,
        failing == 1 ? "" : "s", SeverityName(options.fail_on)));
  }
  if (src_chars > 0 && tgt_chars == 0) {
    report.reasons.push_back("the translation is empty");
  }
  for (const auto& [side, coverage] :
       {std::pair("source", sum.src_coverage), std::pair("target", sum.tgt_coverage)}) {
    if (coverage < options.min_coverage) {
      report.reasons.push_back(fmt::format(
          "the {} coverage {:.2f} is below {:.2f}", side, coverage,
          options.min_coverage));
    }
  }
  report.pass = report.reasons.empty();
  return report;
}

}  // namespace allinea
