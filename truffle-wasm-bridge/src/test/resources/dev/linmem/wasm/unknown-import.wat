;; lib exports no "nope": "unknown import".
(module (import "lib" "nope" (func)))
