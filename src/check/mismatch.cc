// Values and names on one side of a bead only; targets far shorter than
// their source; how far the anchors of the two sides agree.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>
#include <unordered_map>

#include "check/internal.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {

// Names are checked in beads scored at least this ("confident").
constexpr double kMinNameBeadScore = 0.5;
// A target is "far shorter" when its length residual is this many robust
// standard deviations below the document's.
constexpr double kShortTargetZ = 5.0;

bool IsValue(std::string_view term) {
  const TermKind k = KindOfTerm(term);
  return k == TermKind::kValue || k == TermKind::kDate;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Most letters of the document (its first 64 KiB) are Latin: names from
// another Latin-script text stay as they are written.
bool MostlyLatin(const Document& doc) {
  std::size_t latin = 0, letters = 0, bytes = 0;
  for (const Sentence& s : doc.sentences) {
    std::size_t pos = 0;
    while (pos < s.normalized.size()) {
      const char32_t ch = NextCodePoint(s.normalized, pos);
      if (!u_isalpha(static_cast<UChar32>(ch))) continue;
      UErrorCode status = U_ZERO_ERROR;
      latin += uscript_getScript(static_cast<UChar32>(ch), &status) ==
               USCRIPT_LATIN;
      ++letters;
    }
    bytes += s.normalized.size();
    if (bytes > (1u << 16)) break;
  }
  return letters > 0 && latin * 2 > letters;
}

// How a term reads in a message.
std::string Shown(std::string_view term) {
  if (term.starts_with("#")) return std::string(term.substr(1));
  if (term.starts_with("%")) return std::string(term.substr(1)) + "%";
  if (term.starts_with("date:")) return std::string(term.substr(5));
  if (term.starts_with("time:")) return std::string(term.substr(5));
  if (term.starts_with("month:")) return "month " + std::string(term.substr(6));
  if (term.starts_with("@")) return std::string(term.substr(1));
  return std::string(term);
}

// The terms of sentences [begin, end).
std::set<std::uint32_t> Terms(const std::vector<SentenceFeatures>& f,
                              std::size_t begin, std::size_t end) {
  std::set<std::uint32_t> out;
  for (std::size_t k = begin; k < end; ++k) {
    out.insert(f[k].anchors.begin(), f[k].anchors.end());
  }
  return out;
}

// The terms of one side of `bead`.
std::set<std::uint32_t> BeadTerms(const CheckContext& c, const Bead& bead,
                                  bool source) {
  return source ? Terms(c.features.src, bead.src_begin, bead.src_end)
                : Terms(c.features.tgt, bead.tgt_begin, bead.tgt_end);
}

// The terms of one side of beads k-1, k, k+1.
std::set<std::uint32_t> Around(const CheckContext& c, std::size_t k,
                               bool source) {
  const auto& beads = c.alignment.beads;
  const std::size_t lo = k > 0 ? k - 1 : 0;
  const std::size_t hi = std::min(beads.size(), k + 2);
  std::set<std::uint32_t> out;
  for (std::size_t b = lo; b < hi; ++b) {
    const auto t = BeadTerms(c, beads[b], source);
    out.insert(t.begin(), t.end());
  }
  return out;
}

bool Paired(const Bead& b) {
  return b.src_begin < b.src_end && b.tgt_begin < b.tgt_end;
}

// Terms that say the same as `term` when written another way: a time on
// the hour and the bare hour ("alle 16" is "#16", "4 pm" is "time:16:00").
std::vector<std::string> Equivalents(std::string_view term) {
  if (term.starts_with("time:") && term.ends_with(":00") && term.size() == 10) {
    const int hour = std::stoi(std::string(term.substr(5, 2)));
    return {fmt::format("#{}", hour)};
  }
  if (term.starts_with("#") && term.size() <= 3 &&
      term.find_first_not_of("0123456789", 1) == std::string_view::npos) {
    const int n = std::stoi(std::string(term.substr(1)));
    if (n <= 24) return {fmt::format("time:{:02}:00", n)};
  }
  return {};
}

// Sentences of one side that carry each term.
std::vector<std::uint32_t> TermSentences(const std::vector<SentenceFeatures>& f,
                                         std::size_t vocabulary) {
  std::vector<std::uint32_t> counts(vocabulary, 0);
  for (const SentenceFeatures& s : f) {
    for (const std::uint32_t t : s.anchors) ++counts[t];
  }
  return counts;
}

// Names in more sentences than this on their side are terms the
// translation renders in several ways ("AI" and "intelligenza
// artificiale"): their absence from one bead says little.
constexpr std::uint32_t kMaxNameSentences = 3;

// A name of one side that the other side should carry as written: a code
// with a digit ("405B"); a Latin name inside text of another script, when
// the other side is Latin (the translation has no reason to change it);
// between two Latin-script sides, a name the other side uses elsewhere
// (names a translation adapts, "Museo Civico" and "Civic Museum", are
// not). Frequent names are not checked (kMaxNameSentences).
bool NameExpected(const NameContext& n, std::uint32_t t, std::string_view term,
                  bool source) {
  if (KindOfTerm(term) != TermKind::kName) return false;
  const auto& mine = source ? n.src_count : n.tgt_count;
  const auto& theirs = source ? n.tgt_count : n.src_count;
  if (mine[t] > kMaxNameSentences) return false;
  if (HasDigit(term)) return true;
  const bool my_latin = source ? n.src_latin : n.tgt_latin;
  const bool their_latin = source ? n.tgt_latin : n.src_latin;
  if (!their_latin) return false;
  return !my_latin || theirs[t] > 0;
}

// The other side writes `token` (lower case) as a word in beads k-1..k+1,
// where the anchors do not see it as a name (the first word of a
// sentence: "Valdera Rail, the regional operator ...").
bool WrittenAround(const CheckContext& c, std::size_t k, bool source,
                   std::string_view token) {
  const auto& beads = c.alignment.beads;
  const Document& doc = source ? c.src : c.tgt;
  for (std::size_t b = k > 0 ? k - 1 : 0; b < std::min(beads.size(), k + 2); ++b) {
    const std::size_t begin = source ? beads[b].src_begin : beads[b].tgt_begin;
    const std::size_t end = source ? beads[b].src_end : beads[b].tgt_end;
    for (std::size_t i = begin; i < end; ++i) {
      std::string lower;
      const std::string& text = doc.sentences[i].normalized;
      for (std::size_t pos = 0; pos < text.size();) {
        AppendLower(lower, NextCodePoint(text, pos));
      }
      for (std::size_t at = lower.find(token); at != std::string::npos;
           at = lower.find(token, at + 1)) {
        const auto word_char = [&](std::size_t q) {
          const unsigned char ch = static_cast<unsigned char>(lower[q]);
          return std::isalnum(ch) != 0 || ch >= 0x80;
        };
        const bool starts = at == 0 || !word_char(at - 1);
        const bool ends = at + token.size() >= lower.size() ||
                          !word_char(at + token.size());
        if (starts && ends) return true;
      }
    }
  }
  return false;
}

}  // namespace

NameContext MakeNameContext(const Document& src, const Document& tgt,
                            const Features& features) {
  NameContext n;
  n.src_latin = MostlyLatin(src);
  n.tgt_latin = MostlyLatin(tgt);
  n.src_count = TermSentences(features.src, features.vocabulary.size());
  n.tgt_count = TermSentences(features.tgt, features.vocabulary.size());
  return n;
}

double AnchorAgreement(const CheckContext& c, std::size_t min_terms) {
  const NameContext& names = c.names;
  const auto& vocab = c.features.vocabulary;
  std::size_t total = 0, matched = 0;
  for (std::size_t k = 0; k < c.alignment.beads.size(); ++k) {
    const Bead& b = c.alignment.beads[k];
    if (!Paired(b)) continue;
    for (const bool source : {true, false}) {
      const auto mine = BeadTerms(c, b, source);
      std::set<std::uint32_t> theirs;
      bool looked = false;
      for (const std::uint32_t t : mine) {
        const std::string_view term = vocab[t];
        if (!IsValue(term) && !NameExpected(names, t, term, source)) continue;
        if (!looked) {
          theirs = Around(c, k, !source);
          looked = true;
        }
        ++total;
        matched += theirs.count(t);
      }
    }
  }
  if (total < min_terms) return -1;
  return double(matched) / double(total);
}

void FindMismatches(const CheckContext& c, std::vector<Finding>& out) {
  const NameContext& names = c.names;
  const auto& vocab = c.features.vocabulary;
  std::unordered_map<std::string_view, std::uint32_t> id;
  for (std::uint32_t t = 0; t < vocab.size(); ++t) id.emplace(vocab[t], t);
  const auto present = [&](const std::set<std::uint32_t>& theirs,
                           std::uint32_t t) {
    if (theirs.count(t)) return true;
    for (const std::string& e : Equivalents(vocab[t])) {
      const auto it = id.find(e);
      if (it != id.end() && theirs.count(it->second)) return true;
    }
    return false;
  };
  for (std::size_t k = 0; k < c.alignment.beads.size(); ++k) {
    const Bead& b = c.alignment.beads[k];
    if (!Paired(b)) continue;
    for (const bool source : {true, false}) {
      const auto mine = BeadTerms(c, b, source);
      const auto theirs = Around(c, k, !source);
      std::vector<std::string> values, names_missing;
      for (const std::uint32_t t : mine) {
        if (present(theirs, t)) continue;
        const std::string_view term = vocab[t];
        if (IsValue(term)) {
          values.push_back(Shown(term));
        } else if (b.score >= kMinNameBeadScore &&
                   NameExpected(names, t, term, source) &&
                   !WrittenAround(c, k, !source, term.substr(1))) {
          names_missing.push_back(Shown(term));
        }
      }
      const std::string_view side = source ? "source" : "target";
      const std::string_view other = source ? "target" : "source";
      for (const bool value : {true, false}) {
        const auto& list = value ? values : names_missing;
        if (list.empty()) continue;
        Finding f = MakeFinding(
            c, value ? FindingKind::kNumberMismatch : FindingKind::kNameMismatch,
            value ? Severity::kError : Severity::kWarning, b.src_begin,
            b.src_end, b.tgt_begin, b.tgt_end);
        f.on_target = !source;
        const std::string joined = fmt::format("{}", fmt::join(list, ", "));
        f.message = fmt::format(
            "{} {} of the {} {} not in the {}", value ? "the value" : "the name",
            joined, side, list.size() == 1 ? "is" : "are", other);
        if (list.size() > 1) {
          f.message = fmt::format("{} {} of the {} are not in the {}",
                                  value ? "the values" : "the names", joined,
                                  side, other);
        }
        f.subject = fmt::format("{}\t{}\t{}\t{}", side, joined,
                                Subject(c.src, b.src_begin, b.src_end),
                                Subject(c.tgt, b.tgt_begin, b.tgt_end));
        out.push_back(std::move(f));
      }
    }
  }
}

void FindShortTargets(const CheckContext& c, std::vector<Finding>& out) {
  // A robust length model over the beads with both sides: the ratio of
  // the totals, and the median absolute deviation of the residuals.
  struct Item {
    std::size_t bead;
    double ls, lt, r;
  };
  std::vector<Item> items;
  double sum_s = 0, sum_t = 0;
  for (std::size_t k = 0; k < c.alignment.beads.size(); ++k) {
    const Bead& b = c.alignment.beads[k];
    if (!Paired(b)) continue;
    double ls = 0, lt = 0;
    for (std::size_t i = b.src_begin; i < b.src_end; ++i) ls += c.features.src[i].length;
    for (std::size_t j = b.tgt_begin; j < b.tgt_end; ++j) lt += c.features.tgt[j].length;
    if (ls <= 0) continue;
    items.push_back({k, ls, lt, 0});
    sum_s += ls;
    sum_t += lt;
  }
  if (items.size() < 10 || sum_s <= 0) return;  // too few to know the spread
  const double ratio = sum_t / sum_s;
  std::vector<double> residuals;
  for (Item& it : items) {
    it.r = (it.lt - ratio * it.ls) / std::sqrt(it.ls);
    residuals.push_back(it.r);
  }
  const auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  const double mid = median(residuals);
  std::vector<double> deviations;
  for (const double r : residuals) deviations.push_back(std::abs(r - mid));
  const double sd = 1.4826 * median(deviations);
  if (sd <= 0) return;
  for (const Item& it : items) {
    const double z = (it.r - mid) / sd;
    const double missing = (ratio * it.ls - it.lt) / ratio;  // source chars
    // Measured in characters even when --max-omission counts sentences.
    const std::size_t threshold =
        c.options.max_omission_chars == SIZE_MAX
            ? CheckOptions{}.max_omission_chars
            : c.options.max_omission_chars;
    if (z > -kShortTargetZ || missing <= static_cast<double>(threshold)) {
      continue;
    }
    const Bead& b = c.alignment.beads[it.bead];
    Finding f = MakeFinding(c, FindingKind::kOmission, Severity::kWarning,
                            b.src_begin, b.src_end, b.tgt_begin, b.tgt_end);
    f.message = fmt::format(
        "the translation is far shorter than the source ({:.0f} characters "
        "where about {:.0f} are expected): part of it may be missing",
        it.lt, ratio * it.ls);
    f.subject = "short\t" + Subject(c.src, b.src_begin, b.src_end) + "\t" +
                Subject(c.tgt, b.tgt_begin, b.tgt_end);
    out.push_back(std::move(f));
  }
}

}  // namespace allinea::internal
