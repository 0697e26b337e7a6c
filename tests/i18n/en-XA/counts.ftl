cards = { $n ->
    [one] [{ $n } çåŕð]
   *[other] [{ $n } çåŕðš]
}
number-decimal = ·
number-group = '
number-group-from = 4
