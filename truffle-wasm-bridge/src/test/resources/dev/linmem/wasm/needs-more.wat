;; Declares a larger minimum than lib's memory has: "incompatible import type".
(module (import "lib" "mem" (memory 3)))
