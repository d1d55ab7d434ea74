// Whether the hand-written SSE2 scans are compiled (base/utf8.cpp,
// extract/paragraph_text.h, extract/quantities.cpp): where the compiler
// offers SSE2, unless PLANCHECK_NO_SIMD (cmake -DPLANCHECK_SIMD=OFF) asks for
// the scalar code alone. ci/sanitize builds that way, so that the scalar
// paths pass the whole suite too.
#pragma once

#if defined(__SSE2__) && !defined(PLANCHECK_NO_SIMD)
#define PLANCHECK_SSE2 1
#else
#define PLANCHECK_SSE2 0
#endif
