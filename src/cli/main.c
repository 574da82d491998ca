/* TEMPORARY scaffold: replaced by the CLI. */
#include "rasid.h"
int main(void) { puts("rasid " RASID_VERSION); return 0; }
