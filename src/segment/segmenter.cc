// The segment stage: blocks (blocks.h) split into sentences by ICU.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <sys/stat.h>
#include <unicode/utext.h>

#include <memory>

#include "allinea/error.h"
#include "allinea/segment.h"
#include "internal/unicode.h"
#include "segment/blocks.h"
#include "segment/cut.h"
#include "segment/rules.h"

namespace allinea {
namespace {

using internal::Block;

// Closes a UText on scope exit.
struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// Line and column of sentence starts, which come in increasing order: the
// column is counted on from the previous start when it is on the same line,
// so that a document on one long line costs O(bytes), not O(bytes^2).
class Locator {
 public:
  explicit Locator(const SourceText& text) : text_(text) {}
  LineColumn operator()(std::uint64_t offset) {
    const std::size_t line = text_.LineOf(offset);
    if (started_ && line == last_.line && offset >= offset_) {
      for (std::uint64_t i = offset_; i < offset; ++i) {
        last_.column +=
            (static_cast<unsigned char>(text_.original()[i]) & 0xC0) != 0x80;
      }
    } else {
      last_ = text_.Locate(offset);
      started_ = true;
    }
    offset_ = offset;
    return last_;
  }

 private:
  const SourceText& text_;
  bool started_ = false;
  std::uint64_t offset_ = 0;
  LineColumn last_;
};

Sentence MakeSentence(const SourceText& text, std::size_t begin,
                      std::size_t end, std::size_t paragraph,
                      Locator& locate) {
  Sentence s;
  s.span = text.ToOriginal(begin, end);
  const std::string_view original(text.original());
  s.text = internal::JoinSoftBreaks(
      original.substr(s.span.begin, s.span.end - s.span.begin));
  s.normalized = internal::JoinSoftBreaks(
      std::string_view(text.normalized()).substr(begin, end - begin));
  s.paragraph = paragraph;
  const LineColumn where = locate(s.span.begin);
  s.line = where.line;
  s.column = where.column;
  return s;
}

// Adds the sentence [b, e) of `text`'s normalised form, cut by `cutter`
// into pieces when it is too long. `analysis` is the normalised text from
// `base` on, with line breaks read as spaces.
void AddSentence(const SourceText& text, std::string_view analysis,
                 std::size_t base, std::size_t b, std::size_t e,
                 std::size_t paragraph, const internal::SentenceCutter& cutter,
                 Locator& locate, Document& doc) {
  // A cut must fall where the normalised text maps back to the input one to
  // one: inside a run that NFC rewrote, every offset maps to the run's
  // start, and a piece there would have no text of its own.
  const std::string_view n(text.normalized());
  const auto allowed = [&](std::size_t offset) {
    const std::size_t at = b + offset;
    std::size_t before = at;
    (void)internal::PreviousCodePoint(n, before);
    return text.ToOriginal(before) < text.ToOriginal(at);
  };
  const auto pieces = cutter.Cut(analysis.substr(b - base, e - b), allowed);
  if (pieces.size() > 1) {
    if (doc.cut_sentences++ == 0) doc.first_cut_line = text.LineOf(text.ToOriginal(b));
  }
  for (const auto& [pb, pe] : pieces) {
    std::size_t piece_b = b + pb;
    std::size_t piece_e = b + pe;
    internal::TrimSpace(n, piece_b, piece_e);
    if (piece_b == piece_e) continue;
    doc.sentences.push_back(MakeSentence(text, piece_b, piece_e, paragraph, locate));
  }
}

Document SegmentPresegmented(const SourceText& text, const std::string& language,
                             const internal::SentenceCutter& cutter) {
  Document doc;
  doc.name = text.name();
  doc.language = language;
  const std::string_view n(text.normalized());
  std::size_t paragraph = 0;
  bool used = false;
  Locator locate(text);
  for (const internal::Line& line : internal::SplitLines(n)) {
    if (line.blank) {
      if (used) ++paragraph;
      used = false;
      continue;
    }
    std::size_t b = line.begin;
    std::size_t e = line.end;
    internal::TrimSpace(n, b, e);
    AddSentence(text, n, 0, b, e, paragraph, cutter, locate, doc);
    used = true;
  }
  doc.paragraph_count = doc.sentences.empty() ? 0 : paragraph + used;
  return doc;
}

}  // namespace

struct Segmenter::Impl {
  SegmentOptions options;
  std::unique_ptr<icu::BreakIterator> prototype;
  internal::Abbreviations abbreviations;
  std::unique_ptr<internal::SentenceCutter> cutter;
};

Segmenter::Segmenter(SegmentOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->cutter = std::make_unique<internal::SentenceCutter>(
      impl_->options.language.c_str(), impl_->options.max_sentence_chars);
  const std::string& lang = impl_->options.language;
  const std::string& dir = impl_->options.lang_data_dir;
  struct stat st {};
  if (!dir.empty() && (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))) {
    throw IoError("language data folder not found", dir);
  }
  if (impl_->options.presegmented) return;
  if (!lang.empty()) {
    const internal::LangText data = internal::LoadLangData(
        lang, "abbreviations.txt", impl_->options.lang_data_dir);
    if (data.found) {
      impl_->abbreviations = internal::Abbreviations::Parse(data.text);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  // Without our own list, "@ss=standard" adds ICU's suppressions where ICU
  // has them. With it, ICU's are left out: ICU matches them without looking
  // for the start of the word ("GOAL. La" is taken for the initial "L.").
  const icu::Locale locale =
      lang.empty() ? icu::Locale::getRoot()
      : impl_->abbreviations.empty()
          ? icu::Locale((lang + "@ss=standard").c_str())
          : icu::Locale(lang.c_str());
  impl_->prototype.reset(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !impl_->prototype) {
    throw UsageError("no sentence rules for language '" +
                     impl_->options.language + "': " + u_errorName(status));
  }
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Document Segmenter::Segment(const SourceText& text) const {
  if (impl_->options.presegmented) {
    return SegmentPresegmented(text, impl_->options.language, *impl_->cutter);
  }
  Document doc;
  doc.name = text.name();
  doc.language = impl_->options.language;
  const std::string& n = text.normalized();
  // Break iterators keep state: each call works on its own copy.
  std::unique_ptr<icu::BreakIterator> it(impl_->prototype->clone());
  std::string analysis;
  std::vector<std::size_t> breaks;
  Locator locate(text);
  for (const Block& block : internal::FindBlocks(n)) {
    // Soft line breaks read as spaces, so that offsets stay those of `n`.
    analysis.assign(n, block.begin, block.end - block.begin);
    for (char& c : analysis) {
      if (c == '\n') c = ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(utext_openUTF8(
        nullptr, analysis.data(), static_cast<int64_t>(analysis.size()),
        &status));
    it->setText(ut.get(), status);
    if (U_FAILURE(status)) {
      throw InputError(std::string("sentence segmentation failed: ") +
                           u_errorName(status),
                       text.name(), text.ToOriginal(block.begin));
    }
    breaks.clear();
    it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
         end = it->next()) {
      breaks.push_back(static_cast<std::size_t>(end));
    }
    internal::AddEllipsisBreaks(analysis, breaks);
    internal::ApplySentenceRules(analysis, impl_->abbreviations, breaks);
    std::size_t start = 0;
    for (std::size_t end : breaks) {
      std::size_t b = block.begin + start;
      std::size_t e = block.begin + end;
      start = end;
      internal::TrimSpace(n, b, e);
      if (b == e) continue;
      AddSentence(text, analysis, block.begin, b, e, block.paragraph,
                  *impl_->cutter, locate, doc);
    }
  }
  doc.paragraph_count =
      doc.sentences.empty() ? 0 : doc.sentences.back().paragraph + 1;
  return doc;
}

std::vector<std::pair<std::size_t, std::size_t>> ParagraphRanges(
    const Document& doc) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    if (k == 0 || doc.sentences[k].paragraph != doc.sentences[k - 1].paragraph) {
      out.emplace_back(k, k);
    }
    out.back().second = k + 1;
  }
  return out;
}

void AppendJoined(std::string& joined, std::string_view next) {
  if (next.empty()) return;
  if (!joined.empty()) {
    std::size_t prev = joined.size();
    std::size_t pos = 0;
    const bool cjk = internal::IsUnspaced(internal::PreviousCodePoint(joined, prev)) &&
                     internal::IsUnspaced(internal::NextCodePoint(next, pos));
    if (!cjk) joined.push_back(' ');
  }
  joined.append(next);
}

}  // namespace allinea
