#include "allinea/language.h"

#include <gtest/gtest.h>

#include "allinea/error.h"

namespace allinea {
namespace {

TEST(ParseLanguageTest, AcceptsBcp47Tags) {
  EXPECT_EQ(ParseLanguage("it").language, "it");
  EXPECT_EQ(ParseLanguage("it-IT").tag, "it-IT");
  EXPECT_EQ(ParseLanguage("zh-Hans").language, "zh");
  EXPECT_EQ(ParseLanguage("zh_CN").tag, "zh-CN");
  EXPECT_EQ(ParseLanguage("EN").language, "en");
}

TEST(ParseLanguageTest, EmptyMeansUnknown) {
  EXPECT_EQ(ParseLanguage("").language, "");
}

TEST(ParseLanguageTest, RefusesMalformedAndUnknownTags) {
  EXPECT_THROW((void)ParseLanguage("xx-!!"), UsageError);
  EXPECT_THROW((void)ParseLanguage("qq"), UsageError);
  EXPECT_THROW((void)ParseLanguage("italian"), UsageError);
  // A long private-use tag once overran a fixed buffer inside ICU's C API.
  std::string long_tag = "it-x";
  for (int k = 0; k < 20; ++k) long_tag += "-gggggggg";
  EXPECT_THROW((void)ParseLanguage(long_tag), UsageError);
  try {
    (void)ParseLanguage("qq");
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("'qq'"), std::string::npos);
  }
}

TEST(TagWithRegionTest, AddsTheLikelyRegionToABareLanguage) {
  EXPECT_EQ(TagWithRegion("it"), "it-IT");
  EXPECT_EQ(TagWithRegion("zh"), "zh-CN");
  EXPECT_EQ(TagWithRegion("en"), "en-US");
  EXPECT_EQ(TagWithRegion("pt"), "pt-BR");
  EXPECT_EQ(TagWithRegion("zh-Hant"), "zh-Hant-TW");
  EXPECT_EQ(TagWithRegion("zh-Hans"), "zh-Hans-CN");
  // A region the user gave is kept.
  EXPECT_EQ(TagWithRegion("en-GB"), "en-GB");
  EXPECT_EQ(TagWithRegion("zh_TW"), "zh-TW");
  EXPECT_EQ(TagWithRegion("it-CH"), "it-CH");
  EXPECT_EQ(TagWithRegion(""), "");
  EXPECT_THROW((void)TagWithRegion("xx-!!"), UsageError);
}

TEST(DetectLanguageTest, ScriptsAndLatinProfiles) {
  EXPECT_EQ(DetectLanguage("Il modello è aperto e non ci sono rischi per gli sviluppatori."), "it");
  EXPECT_EQ(DetectLanguage("The model is open and there are no risks for the developers."), "en");
  EXPECT_EQ(DetectLanguage("Le modèle est ouvert et il n'y a pas de risques pour les développeurs."), "fr");
  EXPECT_EQ(DetectLanguage("El modelo es abierto y no hay riesgos para los desarrolladores."), "es");
  EXPECT_EQ(DetectLanguage("Das Modell ist offen und es gibt keine Risiken für die Entwickler."), "de");
  EXPECT_EQ(DetectLanguage("我认为开源模式没有任何风险。我只看到好处。"), "zh");
  EXPECT_EQ(DetectLanguage("オープンソースのモデルにはリスクがないと思います。"), "ja");
  EXPECT_EQ(DetectLanguage("오픈 소스 모델에는 위험이 없다고 생각합니다."), "ko");
  EXPECT_EQ(DetectLanguage("Я не вижу никаких рисков в открытой модели."), "ru");
  EXPECT_EQ(DetectLanguage("Δεν βλέπω κανέναν κίνδυνο στο ανοιχτό μοντέλο."), "el");
}

TEST(DetectLanguageTest, UnsureMeansEmpty) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("2024-08-07 12:00"), "");
  EXPECT_EQ(DetectLanguage("Mistral AI, OpenAI, Llama 3.1 405B"), "");
}

TEST(ContradictedLanguageTest, NamesTheLanguageOnlyWhenItPlainlyDiffers) {
  const std::string it =
      "Il museo ha aperto una mostra sulle carte nautiche, e il pubblico "
      "potrà vederla fino alla fine di maggio. Non ci sono biglietti online "
      "per questa mostra, che è gratuita per tutti gli studenti della città.";
  const std::string zh = "这家博物馆举办了一场关于航海图的展览，公众可以参观到五月底。";
  const std::string uk = "Музей відкрив виставку морських карт, і відвідувачі "
                         "зможуть побачити її до кінця травня.";
  EXPECT_EQ(ContradictedLanguage(it, "en"), "it");  // both have word lists
  EXPECT_EQ(ContradictedLanguage(it, "zh"), "it");  // other script
  EXPECT_EQ(ContradictedLanguage(zh, "it"), "zh");
  EXPECT_EQ(ContradictedLanguage(it, "it"), "");
  EXPECT_EQ(ContradictedLanguage(zh, "zh"), "");
  // Languages the detection cannot tell apart, and no language at all.
  EXPECT_EQ(ContradictedLanguage(it, "pt"), "");
  EXPECT_EQ(ContradictedLanguage(uk, "uk"), "");
  EXPECT_EQ(ContradictedLanguage(it, ""), "");
  EXPECT_EQ(ContradictedLanguage("12 34", "it"), "");
}

}  // namespace
}  // namespace allinea
