//! Values crossing into and out of SQL on either backend: [`Param`], what
//! a query may be given (never a `bool`: every flag column is an integer),
//! [`Value`], how both drivers take it, and [`Column`], what a row may be
//! read as (a PostgreSQL integer of any width included).

use super::{ChannelId, GuildId, Platform, PostId, PracticeId, RecapId, UserId};

/// A value as both backends take it.
#[derive(Debug)]
pub(super) enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(std::borrow::Cow<'a, str>),
    Bytes(&'a [u8]),
}

/// What a query may be given: integers, text, bytes, floats, the ids and
/// instants (as milliseconds). Never a `bool`: flag columns are integers.
pub(super) trait Param {
    fn value(&self) -> Value<'_>;
}

impl Param for Value<'_> {
    fn value(&self) -> Value<'_> {
        match self {
            Value::Null => Value::Null,
            Value::Int(v) => Value::Int(*v),
            Value::Real(v) => Value::Real(*v),
            Value::Text(s) => Value::Text(std::borrow::Cow::Borrowed(s)),
            Value::Bytes(b) => Value::Bytes(b),
        }
    }
}

impl Param for i64 {
    fn value(&self) -> Value<'_> {
        Value::Int(*self)
    }
}

/// Narrower integers, stored as the integers they are.
macro_rules! narrow_integer {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn value(&self) -> Value<'_> {
                Value::Int(i64::from(*self))
            }
        }

        impl Column for $t {
            fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
                row.get(i)
            }
            fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
                Ok(<$t>::try_from(i64::postgres(row, i)?)?)
            }
        }
    )*};
}

narrow_integer!(i32, u32, u8);

impl Param for f64 {
    fn value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl Param for str {
    fn value(&self) -> Value<'_> {
        Value::Text(self.into())
    }
}

impl Param for String {
    fn value(&self) -> Value<'_> {
        Value::Text(self.as_str().into())
    }
}

impl Param for [u8] {
    fn value(&self) -> Value<'_> {
        Value::Bytes(self)
    }
}

impl Param for Vec<u8> {
    fn value(&self) -> Value<'_> {
        Value::Bytes(self)
    }
}

impl<T: Param> Param for Option<T> {
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, Param::value)
    }
}

impl<T: Param + ?Sized> Param for &T {
    fn value(&self) -> Value<'_> {
        (**self).value()
    }
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Value::Real(v) => ToSqlOutput::Borrowed(ValueRef::Real(*v)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

type PgResult = std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>;

impl postgres::types::ToSql for Value<'_> {
    fn to_sql(&self, ty: &postgres::types::Type, out: &mut bytes::BytesMut) -> PgResult {
        match self {
            Value::Null => Ok(postgres::types::IsNull::Yes),
            Value::Int(v) => v.to_sql(ty, out),
            Value::Real(v) => v.to_sql(ty, out),
            Value::Text(s) => s.as_ref().to_sql(ty, out),
            Value::Bytes(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    /// Each kind of value checks the column's type as its own type would.
    /// An integer goes where PostgreSQL inferred a narrower one (`?3 = 1`
    /// makes `?3` an `int4`) when it fits.
    fn to_sql_checked(&self, ty: &postgres::types::Type, out: &mut bytes::BytesMut) -> PgResult {
        use postgres::types::Type;
        match self {
            Value::Null => Ok(postgres::types::IsNull::Yes),
            Value::Int(v) if *ty == Type::INT4 => i32::try_from(*v)?.to_sql_checked(ty, out),
            Value::Int(v) if *ty == Type::INT2 => i16::try_from(*v)?.to_sql_checked(ty, out),
            Value::Int(v) => v.to_sql_checked(ty, out),
            Value::Real(v) => v.to_sql_checked(ty, out),
            Value::Text(s) => s.as_ref().to_sql_checked(ty, out),
            Value::Bytes(b) => b.to_sql_checked(ty, out),
        }
    }
}

/// Why a PostgreSQL value could not be read.
pub(super) type ReadError = Box<dyn std::error::Error + Sync + Send>;

/// A value a row may be read as.
pub(super) trait Column: Sized {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self>;
    fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError>;
}

macro_rules! column {
    ($($t:ty),*) => {$(
        impl Column for $t {
            fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
                row.get(i)
            }
            fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
                Ok(row.try_get(i)?)
            }
        }
    )*};
}

column!(String, f64, Vec<u8>);

/// An integer read from PostgreSQL whatever its width: a literal is an
/// `int4`, a comparison or `EXISTS` a `bool`.
fn pg_integer(row: &postgres::Row, i: usize) -> std::result::Result<Option<i64>, ReadError> {
    use postgres::types::Type;
    let ty = row.columns()[i].type_().clone();
    Ok(if ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)?.map(i64::from)
    } else if ty == Type::INT2 {
        row.try_get::<_, Option<i16>>(i)?.map(i64::from)
    } else if ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(i)?.map(i64::from)
    } else {
        row.try_get::<_, Option<i64>>(i)?
    })
}

/// Whether a PostgreSQL value is NULL, whatever its type.
pub(super) struct PgNull(pub(super) bool);

impl<'a> postgres::types::FromSql<'a> for PgNull {
    fn from_sql(_: &postgres::types::Type, _: &'a [u8]) -> std::result::Result<Self, ReadError> {
        Ok(PgNull(false))
    }
    fn from_sql_null(_: &postgres::types::Type) -> std::result::Result<Self, ReadError> {
        Ok(PgNull(true))
    }
    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

impl<T: Column> Column for Option<T> {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        match row.get_ref(i)? {
            rusqlite::types::ValueRef::Null => Ok(None),
            _ => T::sqlite(row, i).map(Some),
        }
    }
    fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
        if row.try_get::<_, PgNull>(i)?.0 { Ok(None) } else { T::postgres(row, i).map(Some) }
    }
}

impl Column for i64 {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        row.get(i)
    }
    fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
        pg_integer(row, i)?.ok_or_else(|| format!("column {i} is NULL where a number was expected").into())
    }
}

/// A flag: an integer 0/1 column, or a comparison.
impl Column for bool {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        row.get(i)
    }
    fn postgres(row: &postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
        i64::postgres(row, i).map(|v| v != 0)
    }
}

/// Ids and platforms are stored as they are: a row id, a platform's name.
macro_rules! sql_id {
    ($($name:ident),*) => {$(
        // For the benchmark's SQLite bulk loader and tests reading a file.
        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl Param for $name {
            fn value(&self) -> Value<'_> {
                Value::Int(self.0)
            }
        }

        impl Column for $name {
            fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
                row.get(i).map($name)
            }
            fn postgres(row: &::postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
                <i64 as Column>::postgres(row, i).map($name)
            }
        }
    )*};
}

sql_id!(GuildId, ChannelId, UserId, PostId, PracticeId, RecapId);

impl rusqlite::ToSql for Platform {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl Param for Platform {
    fn value(&self) -> Value<'_> {
        Value::Text(self.as_str().into())
    }
}

impl Column for Platform {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        let s: String = row.get(i)?;
        Platform::parse(&s).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                format!("unknown platform `{s}`").into(),
            )
        })
    }
    fn postgres(row: &::postgres::Row, i: usize) -> std::result::Result<Self, ReadError> {
        let s: String = row.try_get(i)?;
        Platform::parse(&s).ok_or_else(|| format!("unknown platform `{s}`").into())
    }
}
