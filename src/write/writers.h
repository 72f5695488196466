// Private: the concrete writers behind MakeWriter().
#ifndef ALLINEA_SRC_WRITE_WRITERS_H_
#define ALLINEA_SRC_WRITE_WRITERS_H_

#include <memory>
#include <ostream>

#include "allinea/write.h"

namespace allinea::internal {

[[nodiscard]] std::unique_ptr<Writer> MakeTsvWriter(const WriteOptions& options,
                                                    std::ostream& out);
[[nodiscard]] std::unique_ptr<Writer> MakeIndexWriter(std::ostream& out);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_WRITE_WRITERS_H_
