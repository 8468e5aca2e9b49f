#ifndef YEARBOOK_WORD_BREAKS_H
#define YEARBOOK_WORD_BREAKS_H

#include <stdint.h>

/// The word boundaries ICU finds in `text` (UTF-16, `length` units), with its dictionary
/// for Chinese: offsets after each word, in order, at most `capacity` of them. Returns
/// how many were written, or -1 when ICU could not segment the text. ICU's headers stay
/// in the C file: Swift's own Foundation carries a copy of ICU whose declarations clash.
int32_t yb_word_breaks(const uint16_t *text, int32_t length, int32_t *breaks, int32_t capacity);

#endif
