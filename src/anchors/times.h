// Private: times of day as values, so that "alle 22.30", "at 10.30 pm",
// "22:30" and "晚上10点30分" make the same anchor term.
#ifndef ALLINEA_SRC_ANCHORS_TIMES_H_
#define ALLINEA_SRC_ANCHORS_TIMES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// The term "time:HH:MM" (24-hour) for a time of day that starts at `pos`
// (an ASCII digit), advancing `pos` past it; nullopt (`pos` unchanged)
// when there is none. Read as times:
//  - "H:MM" in any language ("22:30", "10:30 pm");
//  - "H.MM" where the language writes a decimal comma ("alle 22.30"), or
//    anywhere before "am"/"pm" ("10.30 pm"), since "3.30" is a number in
//    English;
//  - "H am", "H pm" ("7 pm" = "time:19:00"), "a.m." and "p.m." too;
//  - in Chinese, "H点", "H点MM分", "H点半" ("10点30分"), after "下午",
//    "晚上" or "傍晚" in the afternoon or evening ("晚上10点" = 22:00).
// H is an hour (0-23, 1-12 with am/pm) and MM two digits of minutes.
[[nodiscard]] std::optional<std::string> TimeTermAt(std::string_view text,
                                                    std::size_t& pos,
                                                    std::string_view language);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_TIMES_H_
