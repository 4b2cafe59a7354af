//! Papers' own e-paper sites (电子版): the catalogue of papers dubao knows by name
//! ([`catalogue`]), where a subscription's site is and how its days are addressed
//! ([`site`]), reading a page ([`page`]) and an article ([`article`]), polite HTTP
//! ([`http`]), one day's issue ([`issue`]; 新华每日电讯's [`mrdx`], 解放军报's [`jfjb`]),
//! the record of days and pages fetched ([`record`]) and fetching subscriptions over a
//! range of days into an [`crate::feed::sink::IssueSink`] ([`run`]).

pub mod article;
pub mod catalogue;
mod day;
pub mod fault;
pub mod http;
pub mod issue;
pub mod jfjb;
pub mod mrdx;
pub mod page;
mod pipeline;
pub mod record;
pub mod run;
pub mod site;
pub mod sniff;
