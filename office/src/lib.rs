//! Cherga at the office. The staff API's contracts live here, apart from
//! the applicant's app (`app`): neither their code nor their words may
//! reach an applicant's download. The server answers with these types; the
//! office's own front end (the console, the kiosk, the board) will read them.

pub mod api;
