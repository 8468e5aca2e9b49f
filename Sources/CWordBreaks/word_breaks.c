#include "word_breaks.h"

#include <pthread.h>
#include <unicode/ubrk.h>

// A break iterator takes about 16 µs to open and is not thread-safe: each thread keeps
// its own, and points it at each text in turn (about 7 µs for a caption). It is kept
// under a pthread key whose destructor closes it when its thread ends: the build's
// worker threads come and go, and each would otherwise leave its iterator behind.
static pthread_key_t iterator_key;
static pthread_once_t iterator_key_once = PTHREAD_ONCE_INIT;

static void close_iterator(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

static void make_iterator_key(void) { pthread_key_create(&iterator_key, close_iterator); }

int32_t yb_word_breaks(const uint16_t *text, int32_t length, int32_t *breaks, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  pthread_once(&iterator_key_once, make_iterator_key);
  UBreakIterator *iterator = pthread_getspecific(iterator_key);
  if (iterator == NULL) {
    iterator = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) return -1;
    pthread_setspecific(iterator_key, iterator);
  }
  ubrk_setText(iterator, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) return -1;
  int32_t count = 0;
  ubrk_first(iterator);
  for (int32_t end = ubrk_next(iterator); end != UBRK_DONE && count < capacity; end = ubrk_next(iterator)) {
    breaks[count++] = end;
  }
  // The iterator must not keep pointing into the caller's buffer.
  ubrk_setText(iterator, NULL, 0, &status);
  return count;
}
