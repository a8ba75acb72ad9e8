DATE_FORMAT = "l, F j, Y"
DATETIME_FORMAT = "l, F j, Y, g:i a"
TIME_FORMAT = "g:i a"
YEAR_MONTH_FORMAT = "F Y"
