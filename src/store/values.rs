//! How values are stored: instants as milliseconds, days as `YYYY-MM-DD`,
//! zones by name. Private to the store: its callers see only chrono types.

/// An instant as stored: milliseconds since the Unix epoch in an INTEGER
/// column. Rows and parameters go through it, so the store's callers only
/// ever see `DateTime<Utc>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ms(pub(super) chrono::DateTime<chrono::Utc>);

impl rusqlite::types::ToSql for Ms {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.0.timestamp_millis()))
    }
}

impl rusqlite::types::FromSql for Ms {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        i64::column_result(value).map(|ms| Ms(from_millis(ms)))
    }
}

/// A calendar date as stored: `YYYY-MM-DD` text. A value that does not read
/// as a date is an error naming it (rows are written only through this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day(pub(super) chrono::NaiveDate);

impl rusqlite::types::ToSql for Day {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.0.format("%Y-%m-%d").to_string()))
    }
}

impl rusqlite::types::FromSql for Day {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        text.parse().map(Day).map_err(|e| rusqlite::types::FromSqlError::Other(format!("date {text:?}: {e}").into()))
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
