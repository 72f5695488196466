// Values as anchors beyond digits: numbers in words, percentages, dates and
// months, in Italian, Chinese and English (anchors.h). Each case pairs the
// forms that must meet, and shows the ordinary words that must not count.
#include <gtest/gtest.h>

#include <algorithm>

#include "allinea/anchors.h"

namespace allinea {
namespace {

using Terms = std::vector<std::string>;

TEST(NumberWordsTest, ItalianCountsMeetDigitsAndChinese) {
  EXPECT_EQ(AnchorTerms("Alla riunione c'erano dodici persone.", "it"),
            (Terms{"#12"}));
  EXPECT_EQ(AnchorTerms("dodici persone", "it"),
            AnchorTerms("十二名研究人员", "zh"));
  EXPECT_EQ(AnchorTerms("dodici persone", "it"),
            AnchorTerms("12 people", "en"));
  EXPECT_EQ(
      AnchorTerms("La startup ha rilasciato sei modelli linguistici", "it"),
      AnchorTerms("这家初创公司发布了六种语言模型", "zh"));
  EXPECT_EQ(AnchorTerms("Abbiamo quattro fornitori di servizi cloud.", "it"),
            AnchorTerms("我们有四家云提供商。", "zh"));
  EXPECT_EQ(AnchorTerms("nei prossimi cinque o dieci anni", "it"),
            AnchorTerms("未来五年或十年内", "zh"));
  EXPECT_EQ(AnchorTerms("Dodici persone sono arrivate.", "it"), (Terms{"#12"}));
}

TEST(NumberWordsTest, ItalianCompounds) {
  EXPECT_EQ(
      AnchorTerms("ventuno, trentadue, duecento, centottanta, ventotto", "it"),
      (Terms{"#21", "#32", "#200", "#180", "#28"}));
  EXPECT_EQ(
      AnchorTerms("trentatré anni, duemilaventiquattro, milleduecento euro",
                  "it"),
      (Terms{"#33", "#2024", "#1200"}));
  EXPECT_EQ(AnchorTerms("duecentomila abitanti e centouno dalmata", "it"),
            (Terms{"#200000", "#101"}));
  // Words that start like numbers are no numbers.
  EXPECT_EQ(AnchorTerms("il treno centrale delle novelle, un'unione", "it"),
            (Terms{}));
}

TEST(NumberWordsTest, ScaleWordsAfterNumberWords) {
  EXPECT_EQ(AnchorTerms("sei milioni di persone", "it"), (Terms{"#6000000"}));
  EXPECT_EQ(AnchorTerms("due miliardi", "it"), AnchorTerms("20 亿", "zh"));
  EXPECT_EQ(AnchorTerms("un miliardo di dollari", "it"),
            AnchorTerms("10 亿美元", "zh"));
  EXPECT_EQ(AnchorTerms("three million users", "en"),
            AnchorTerms("tre milioni di utenti", "it"));
  EXPECT_EQ(AnchorTerms("a million, one billion", "en"),
            (Terms{"#1000000", "#1000000000"}));
}

TEST(NumberWordsTest, ArticlesAndTheVerbSeiAreNoNumbers) {
  EXPECT_EQ(AnchorTerms("Sei sicuro?", "it"), (Terms{"?"}));
  EXPECT_EQ(AnchorTerms("D: Attualmente sei redditizio?", "it"),
            (Terms{"label:q", "?"}));
  EXPECT_EQ(AnchorTerms("Sei quasi pronto?", "it"), (Terms{"?"}));
  EXPECT_EQ(AnchorTerms("Sei oggi a Roma o sei degli Stati Uniti?", "it"),
            (Terms{"@roma", "@stati", "@uniti", "?"}));
  EXPECT_EQ(AnchorTerms("uno dei nostri amici ha un cane e una gatta", "it"),
            (Terms{}));
  EXPECT_EQ(AnchorTerms("One of them said it was a good one.", "en"),
            (Terms{}));
  // "sei" counts before a plural, after a plural article or preposition.
  EXPECT_EQ(
      AnchorTerms("per sei mesi, alle sei, i sei fondatori, ogni sei settimane",
                  "it"),
      (Terms{"#6", "#6", "#6", "#6"}));
  // Number words are only read in their language.
  EXPECT_EQ(AnchorTerms("due tre", "en"), (Terms{}));
  EXPECT_EQ(AnchorTerms("two three", "it"), (Terms{}));
}

TEST(NumberWordsTest, EnglishPhrases) {
  EXPECT_EQ(AnchorTerms("Twelve people came, then twenty-one more.", "en"),
            (Terms{"#12", "#21"}));
  EXPECT_EQ(AnchorTerms("two hundred and five stations, a hundred bikes", "en"),
            (Terms{"#205", "#100"}));
  EXPECT_EQ(
      AnchorTerms("The startup released six language models", "en"),
      AnchorTerms("La startup ha rilasciato sei modelli linguistici", "it"));
  // A capitalised number word inside a sentence is a name.
  EXPECT_EQ(AnchorTerms("the Fantastic Four", "en"),
            (Terms{"@fantastic", "@four"}));
  // English ordinals are their numbers.
  EXPECT_EQ(AnchorTerms("the 21st century", "en"), (Terms{"#21"}));
}

TEST(PercentTest, OneTermInEveryLanguage) {
  const Terms percent{"%65"};
  EXPECT_EQ(AnchorTerms("il 65%", "it"), percent);
  EXPECT_EQ(AnchorTerms("il 65 %", "it"), percent);
  EXPECT_EQ(AnchorTerms("il 65 per cento", "it"), percent);
  EXPECT_EQ(AnchorTerms("il sessantacinque per cento", "it"), percent);
  EXPECT_EQ(AnchorTerms("65 percent of users", "en"), percent);
  EXPECT_EQ(AnchorTerms("百分之六十五", "zh"), percent);
  EXPECT_EQ(AnchorTerms("占６５％", "zh"), percent);
  EXPECT_EQ(AnchorTerms("il 6,5%", "it"), AnchorTerms("6.5 percent", "en"));
  EXPECT_EQ(AnchorTerms("百分之十", "zh"), AnchorTerms("ten percent", "en"));
  // The sample pair: "il 10% delle persone" and "大概占 10%".
  EXPECT_EQ(
      AnchorTerms("probabilmente era il 10% delle persone", "it"),
      AnchorTerms("我认为当时知道如何处理这些事情的人大概占 10%。", "zh"));
  // Percent words must be whole words: "percentage points" are no percent.
  EXPECT_EQ(AnchorTerms("up 5 percentage points", "en"), (Terms{"#5"}));
  EXPECT_EQ(AnchorTerms("5 per centomila abitanti", "it"),
            (Terms{"#5", "#100000"}));
}

TEST(ChineseNumeralsTest, FractionsOrdinalsAndVagueCountsAreNoCounts) {
  EXPECT_EQ(AnchorTerms("以不到三分之一的参数", "zh"), (Terms{}));
  EXPECT_EQ(AnchorTerms("第二次世界大战", "zh"), (Terms{}));
  EXPECT_EQ(AnchorTerms("三四个人，十几个，几百人", "zh"), (Terms{}));
  EXPECT_EQ(AnchorTerms("一个，一种，一些，一位，一家", "zh"), (Terms{}));
  EXPECT_EQ(AnchorTerms("十分重要", "zh"), (Terms{}));
  // But "十" alone is ten, "十一" eleven.
  EXPECT_EQ(AnchorTerms("十年，十一名", "zh"), (Terms{"#10", "#11"}));
}

TEST(ChineseNumeralsTest, TraditionalFormsDecimalsAndDigitsOneByOne) {
  EXPECT_EQ(AnchorTerms("兩萬人", "zh"), AnchorTerms("20 mila persone", "it"));
  EXPECT_EQ(AnchorTerms("三億元", "zh"), AnchorTerms("300 milioni", "it"));
  EXPECT_EQ(AnchorTerms("兩千五百萬", "zh"), AnchorTerms("两千五百万", "zh"));
  EXPECT_EQ(AnchorTerms("六点四五亿美元", "zh"),
            AnchorTerms("645 milioni di dollari", "it"));
  EXPECT_EQ(AnchorTerms("一亿五千万", "zh"), (Terms{"#150000000"}));
  EXPECT_EQ(AnchorTerms("二〇二四", "zh"), (Terms{"#2024"}));
}

TEST(YearsAndCodesTest, RangesGiveBothYears) {
  const Terms years{"#2023", "#2024"};
  EXPECT_EQ(AnchorTerms("nel 2023-2024", "it"), years);
  EXPECT_EQ(AnchorTerms("in 2023–2024", "en"), years);
  EXPECT_EQ(AnchorTerms("我们在 2023—2024年已经证明了这一点", "zh"), years);
  EXPECT_EQ(AnchorTerms("我们在 2023-2024 年已经证明了这一点", "zh"), years);
}

TEST(YearsAndCodesTest, VersionsAreMatchedLiterally) {
  const Terms codes{"@llama", "#3.1", "@405b", "@gpt-4o"};
  EXPECT_EQ(AnchorTerms("Paragonabile a Llama 3.1 405B e a GPT-4o.", "it"),
            codes);
  EXPECT_EQ(AnchorTerms("媲美 Llama 3.1 405B 和 GPT-4o 的性能", "zh"), codes);
  // A code at the start of a sentence is still a code.
  EXPECT_EQ(AnchorTerms("GPT-4o è uscito.", "it"), (Terms{"@gpt-4o"}));
  EXPECT_EQ(AnchorTerms("versione v2.0.1, COVID-19 e il co-fondatore", "it"),
            (Terms{"@v2.0.1", "@covid-19"}));
}

TEST(DatesTest, FullDatesMeetAndTakeTheirNumbers) {
  const Terms date{"date:2024-08-07"};
  EXPECT_EQ(AnchorTerms("Il 7 agosto 2024 è uscito", "it"), date);
  EXPECT_EQ(AnchorTerms("2024年8月7日发布", "zh"), date);
  EXPECT_EQ(AnchorTerms("二〇二四年八月七日", "zh"), date);
  EXPECT_EQ(AnchorTerms("On August 7, 2024, it was released", "en"), date);
  EXPECT_EQ(AnchorTerms("7 August 2024", "en"), date);
  EXPECT_EQ(AnchorTerms("7th August 2024", "en"), date);
  EXPECT_EQ(AnchorTerms("Aug. 7, 2024", "en"), date);
  EXPECT_EQ(AnchorTerms("2024-08-07", "it"), date);
  EXPECT_EQ(AnchorTerms("2024/08/07", "zh"), date);
  EXPECT_EQ(AnchorTerms("il 7 ago. 2024", "it"), date);
  EXPECT_EQ(AnchorTerms("il 1º maggio 2023", "it"), (Terms{"date:2023-05-01"}));
  // Day and month without a year.
  EXPECT_EQ(AnchorTerms("il 7 agosto", "it"), (Terms{"date:--08-07"}));
  EXPECT_EQ(AnchorTerms("8月7号", "zh"), (Terms{"date:--08-07"}));
  EXPECT_EQ(AnchorTerms("on August 7", "en"), (Terms{"date:--08-07"}));
  // Day first with digits only reads differently by country: numbers.
  EXPECT_EQ(AnchorTerms("07/08/2024", "it"), (Terms{"#7", "#8", "#2024"}));
}

TEST(DatesTest, MonthOfAYearAndYearsAlone) {
  const Terms month_of_year{"date:2024-08"};
  EXPECT_EQ(AnchorTerms("ad agosto 2024", "it"), month_of_year);
  EXPECT_EQ(AnchorTerms("nell'agosto del 2024", "it"), month_of_year);
  EXPECT_EQ(AnchorTerms("2024年8月", "zh"), month_of_year);
  EXPECT_EQ(AnchorTerms("2024 年 8 月", "zh"), month_of_year);
  EXPECT_EQ(AnchorTerms("in August 2024", "en"), month_of_year);
  // A year alone is a number, with "年" too.
  EXPECT_EQ(AnchorTerms("nel 2024", "it"), AnchorTerms("2024年", "zh"));
  EXPECT_EQ(AnchorTerms("nel 2024", "it"), (Terms{"#2024"}));
  // "50 年来" is fifty years, "12 个月" twelve months.
  EXPECT_EQ(AnchorTerms("50 年来，在过去的 12 个月里", "zh"),
            (Terms{"#50", "#12"}));
}

TEST(DatesTest, MonthsAlone) {
  // The sample pair: "A giugno" / "6 月份", "A febbraio" / "2 月份",
  // "a partire da dicembre" / "从 12 月开始".
  EXPECT_EQ(AnchorTerms("A giugno, Mistral AI ha dichiarato", "it"),
            (Terms{"month:6", "@mistral", "@ai"}));
  EXPECT_EQ(AnchorTerms("6 月份,Mistral AI 宣布", "zh"),
            (Terms{"month:6", "@mistral", "@ai"}));
  EXPECT_EQ(AnchorTerms("In June, Mistral AI announced", "en"),
            (Terms{"month:6", "@mistral", "@ai"}));
  EXPECT_EQ(AnchorTerms("六月", "zh"), (Terms{"month:6"}));
  EXPECT_EQ(AnchorTerms("A febbraio", "it"), AnchorTerms("2 月份", "zh"));
  EXPECT_EQ(AnchorTerms("a partire da dicembre", "it"),
            AnchorTerms("从 12 月开始", "zh"));
  EXPECT_EQ(AnchorTerms("十二月", "zh"), AnchorTerms("December", "en"));
  EXPECT_EQ(AnchorTerms("一月", "zh"), (Terms{"month:1"}));
  // "两个月" is two months, no month.
  EXPECT_EQ(AnchorTerms("两个月", "zh"), (Terms{"#2"}));
}

TEST(DatesTest, AmbiguousMonthNamesNeedADate) {
  // "May" and "March" are also a verb and a noun; lower-case English month
  // names and abbreviations are no months on their own.
  EXPECT_EQ(AnchorTerms("we may grow and march on", "en"), (Terms{}));
  EXPECT_EQ(AnchorTerms("In May 2024 and on March 3", "en"),
            (Terms{"date:2024-05", "date:--03-03"}));
  EXPECT_EQ(AnchorTerms("the august body", "en"), (Terms{}));
  EXPECT_EQ(AnchorTerms("Jan said so", "en"), (Terms{}));
  // "3 set di dati" (data sets): an abbreviation after a day needs its
  // period or a year.
  EXPECT_EQ(AnchorTerms("abbiamo 3 set di dati", "it"), (Terms{"#3"}));
  EXPECT_EQ(AnchorTerms("il 3 set. e il 3 set 2024", "it"),
            (Terms{"date:--09-03", "date:2024-09-03"}));
}

TEST(DatesTest, OtherLatinScriptLanguages) {
  // A date in French, Spanish or German meets the same date in Italian.
  const Terms date = AnchorTerms("il 7 agosto 2024", "it");
  EXPECT_EQ(AnchorTerms("le 7 août 2024", "fr"), date);
  EXPECT_EQ(AnchorTerms("el 7 de agosto de 2024", "es"), date);
  EXPECT_EQ(AnchorTerms("a 7 de agosto de 2024", "pt"), date);
  EXPECT_EQ(AnchorTerms("am 7. August 2024", "de"), date);
  EXPECT_EQ(AnchorTerms("le 1er janvier 2025", "fr"),
            AnchorTerms("January 1, 2025", "en"));
  EXPECT_EQ(AnchorTerms("en mars", "fr"), AnchorTerms("a marzo", "it"));
  // A capitalised month name of a lower-case language inside a sentence is
  // no month ("Mars", the planet), unless it is in a date.
  EXPECT_EQ(AnchorTerms("la sonde vers Mars", "fr"), (Terms{"@mars"}));
  EXPECT_EQ(AnchorTerms("il 7 Agosto 2024", "it"), date);
  EXPECT_EQ(AnchorTerms("Giugno è caldo.", "it"), (Terms{"month:6"}));
  // Languages without month names keep the numbers of their dates.
  EXPECT_EQ(AnchorTerms("7 августа 2024 года", "ru"), (Terms{"#7", "#2024"}));
}

TEST(ExtractFeaturesValuesTest, NumbersSwitchCoversPercentDatesAndMonths) {
  Document d;
  Sentence s;
  s.text = s.normalized = "Il 7 agosto 2024, a giugno, il 65% di Mistral?";
  d.language = "it";
  d.sentences.push_back(s);
  AnchorOptions no_numbers;
  no_numbers.numbers = false;
  const Features without = ExtractFeatures(d, d, no_numbers);
  EXPECT_EQ(without.vocabulary, (Terms{"@mistral", "?"}));
  AnchorOptions only_numbers;
  only_numbers.names = false;
  only_numbers.structure = false;
  const Features with = ExtractFeatures(d, d, only_numbers);
  EXPECT_EQ(with.vocabulary, (Terms{"date:2024-08-07", "month:6", "%65"}));
}


TEST(AnchorTermsReviewTest, EdgesFoundByReview) {
  // Weekdays are no counts; "I" is no name; a run of numerals too long for
  // a date and a number past a double do not misbehave.
  EXPECT_TRUE(AnchorTerms("我们周四和星期二见面。", "zh").empty());
  EXPECT_EQ(AnchorTerms("Then I said that Mistral raised it.", "en"),
            (std::vector<std::string>{"@mistral"}));
  EXPECT_NO_THROW((void)AnchorTerms("九九九九九九九九九九九九九九九九九九九九年八月", "zh"));
  const std::vector<std::string> huge =
      AnchorTerms("It was 1" + std::string(400, '0') + " times.", "en");
  ASSERT_EQ(huge.size(), 1u);
  EXPECT_NE(huge[0], "#0");
  // Words that open with a numeral are no counts; counts before a measure
  // word still are.
  for (const char* word : {"四川省的老百姓用百度搜索二手车。", "三星和五角大楼。"}) {
    EXPECT_TRUE(AnchorTerms(word, "zh").empty()) << word;
  }
  EXPECT_EQ(AnchorTerms("我们发布了六种模型，三年来有五名研究员。", "zh"),
            (std::vector<std::string>{"#6", "#3", "#5"}));
  // A name that opens its sentence counts when a capital follows its first
  // letter; a capitalised first word does not.
  EXPECT_EQ(AnchorTerms("OpenAI ha rilasciato un modello.", "it"),
            (std::vector<std::string>{"@openai"}));
  EXPECT_EQ(AnchorTerms("CNBC riporta la notizia.", "it"),
            (std::vector<std::string>{"@cnbc"}));
  EXPECT_TRUE(AnchorTerms("Abbiamo speso i soldi.", "it").empty());
  // Ten minutes is a count; "very" (十分) is not; decimals after 百分之.
  EXPECT_EQ(AnchorTerms("休息十分钟。", "zh"), (std::vector<std::string>{"#10"}));
  EXPECT_TRUE(AnchorTerms("这十分重要。", "zh").empty());
  EXPECT_EQ(AnchorTerms("增长了百分之5.5。", "zh"), (std::vector<std::string>{"%5.5"}));
  // Abbreviated scale words meet the full ones.
  EXPECT_EQ(AnchorTerms("ricavi per 1,2 mld di euro", "it"),
            AnchorTerms("revenue of 1.2 billion euros", "en"));
  EXPECT_EQ(AnchorTerms("12 mln di utenti", "it"), AnchorTerms("12 million users", "en"));
}


TEST(AnchorTermsTimesTest, TimesOfDayMeetAcrossLanguagesAndClocks) {
  const std::vector<std::string> evening = {"time:22:30"};
  EXPECT_EQ(AnchorTerms("La mostra chiude alle 22.30.", "it"), evening);
  EXPECT_EQ(AnchorTerms("The exhibition closes at 10.30 pm.", "en"), evening);
  EXPECT_EQ(AnchorTerms("The exhibition closes at 22:30.", "en"), evening);
  EXPECT_EQ(AnchorTerms("展览晚上10点30分关闭。", "zh"), evening);
  EXPECT_EQ(AnchorTerms("Doors open at 7 p.m.", "en"),
            (std::vector<std::string>{"time:19:00"}));
  EXPECT_EQ(AnchorTerms("会议下午3点半开始。", "zh"),
            (std::vector<std::string>{"time:15:30"}));
  EXPECT_EQ(AnchorTerms("12:05 am", "en"), (std::vector<std::string>{"time:00:05"}));
}

TEST(AnchorTermsTimesTest, NumbersThatLookLikeTimesStayNumbers) {
  // A decimal point in English; a scale or percent after; a version; a
  // count; digits too long for an hour; minutes past 59.
  EXPECT_EQ(AnchorTerms("Revenue was 3.30 million.", "en"), AnchorTerms("Revenue was 3.3 million.", "en"));
  EXPECT_EQ(AnchorTerms("ricavi per 6.45 miliardi", "it"), AnchorTerms("ricavi per 6,45 miliardi", "it"));
  EXPECT_EQ(AnchorTerms("È uscito Llama 3.1.", "it"), (std::vector<std::string>{"@llama", "#3.1"}));
  EXPECT_EQ(AnchorTerms("dodici persone e 12 sedie", "it"), (std::vector<std::string>{"#12", "#12"}));
  for (const char* text : {"alle 22.75", "il codice 123:45", "ore 10:30:45"}) {
    for (const std::string& term : AnchorTerms(text, "it")) {
      EXPECT_NE(term, "time:22:75") << text;
    }
  }
  const std::vector<std::string> code = AnchorTerms("il codice 123:45", "it");
  EXPECT_TRUE(std::none_of(code.begin(), code.end(), [](const std::string& t) {
    return t.starts_with("time:");
  }));
}

// Forms a fidelity check met on real pairs (mostra-annuncio it-en,
// railway-report en-zh): the same value written another way must meet, and
// words that only look like numbers must not count.
TEST(ValueFormsTest, ElisionsDecadesPluralsHoursAndPhoneCodes) {
  // "vent'anni" is "venti anni"; "two decades" counts years.
  EXPECT_EQ(AnchorTerms("a circa vent'anni di distanza", "it"), (Terms{"#20"}));
  EXPECT_EQ(AnchorTerms("some twenty years apart", "en"), (Terms{"#20"}));
  EXPECT_EQ(AnchorTerms("its first new line in two decades", "en"),
            AnchorTerms("二十年来的首条新线", "zh"));
  EXPECT_EQ(AnchorTerms("cent'anni di storia", "it"), (Terms{"#100"}));
  // The winds of "rosa dei venti" are no number; twenty people are.
  EXPECT_EQ(AnchorTerms("rose dei venti dorate", "it"), Terms{});
  EXPECT_EQ(AnchorTerms("venti persone", "it"), (Terms{"#20"}));
  // "under-18s" and "the 1990s" are their numbers, "iPhone 5s" stays a code.
  EXPECT_EQ(AnchorTerms("Admission is free for under-18s.", "en"), (Terms{"#18"}));
  EXPECT_EQ(AnchorTerms("per i minori di 18 anni", "it"), (Terms{"#18"}));
  EXPECT_EQ(AnchorTerms("since the 1990s", "en"), (Terms{"#1990"}));
  EXPECT_EQ(AnchorTerms("an iPhone 5s", "en"), (Terms{"@iphone", "@5s"}));
  // An Italian hour without minutes is the time an English "pm" gives.
  EXPECT_EQ(AnchorTerms("il sabato alle 11 e alle 16", "it"),
            AnchorTerms("on weekends at 11 am and 4 pm", "en"));
  EXPECT_EQ(AnchorTerms("dalle 10 alle 19", "it"),
            AnchorTerms("10 am to 7 pm", "en"));
  EXPECT_EQ(AnchorTerms("le 20 regioni italiane", "it"), (Terms{"#20"}));
  // A telephone country code is no evidence: translations add it.
  EXPECT_EQ(AnchorTerms("tel. +39 0341 555 019", "en"),
            AnchorTerms("tel. 0341 555 019", "it"));
}

}  // namespace
}  // namespace allinea
