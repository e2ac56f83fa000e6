//! Normalization: exact decimals, intervals and dated exchange rates, so that claims made in
//! different currencies and with different hedges can be compared.

pub mod currency;
pub mod display;
pub mod fx;
pub mod interval;
