# Django's Arabic formats, with the day of the week as the English and French ones have it; its
# DATETIME_FORMAT is unset, which would fall back to the English order.
DATE_FORMAT = "l، j F Y"
DATETIME_FORMAT = "l، j F Y، g:i A"
TIME_FORMAT = "g:i A"
YEAR_MONTH_FORMAT = "F Y"
