#ifndef TOKENAUDIT_CZLIB_SHIM_H
#define TOKENAUDIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
