//! How values are stored: instants as milliseconds, days as `YYYY-MM-DD`,
//! zones by name. Private to the store: its callers see only chrono types.

use super::db::{Column, Param, ReadError, Value};

/// An instant as stored: milliseconds since the Unix epoch in an INTEGER
/// column. Rows and parameters go through it, so the store's callers only
/// ever see `DateTime<Utc>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ms(pub(super) chrono::DateTime<chrono::Utc>);

impl Param for Ms {
    fn value(&self) -> Value<'_> {
        Value::Int(self.0.timestamp_millis())
    }
}

impl Column for Ms {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        row.get::<_, i64>(i).map(|ms| Ms(from_millis(ms)))
    }
    fn postgres(row: &postgres::Row, i: usize) -> Result<Self, ReadError> {
        i64::postgres(row, i).map(|ms| Ms(from_millis(ms)))
    }
}

/// A calendar date as stored: `YYYY-MM-DD` text. A value that does not read
/// as a date is an error naming it (rows are written only through this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day(pub(super) chrono::NaiveDate);

impl Param for Day {
    fn value(&self) -> Value<'_> {
        Value::Text(self.0.format("%Y-%m-%d").to_string().into())
    }
}

impl Column for Day {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        let text: String = row.get(i)?;
        text.parse().map(Day).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                format!("date {text:?}: {e}").into(),
            )
        })
    }
    fn postgres(row: &postgres::Row, i: usize) -> Result<Self, ReadError> {
        let text: String = row.try_get(i)?;
        text.parse().map(Day).map_err(|e| format!("date {text:?}: {e}").into())
    }
}

/// An IANA zone as stored: its name. A name this build does not know reads
/// as `None` where a caller can carry on without it.
pub(super) fn zone_named(name: &str) -> Option<chrono_tz::Tz> {
    name.parse().ok()
}

/// Milliseconds since the Unix epoch, the unit of every stored instant.
pub(super) fn millis(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}

pub(super) fn from_millis(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
