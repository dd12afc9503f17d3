//! One integration-test binary: each file of tests/ is a module, so a test change links once.
// Tests and tools print freely; clippy.toml keeps print macros out of the program itself.
#![allow(clippy::disallowed_macros)]

mod rejection_sets;
mod support;

mod all_regions;
mod asks;
mod assign;
mod authors;
mod board_read;
mod calendar;
mod classifier_corpus;
mod classifier_dev;
mod classifier_learning;
mod classifier_more;
mod classifier_public;
mod cli;
mod cli_manners;
mod copy_order;
mod csv_import;
mod demo_orders;
mod export;
mod faults;
mod first_day;
mod git_store;
mod handoff_pty;
#[cfg(unix)]
mod hostile_cli;
mod hostile_input;
#[cfg(unix)]
mod hostile_limits;
#[cfg(unix)]
mod hostile_own_files;
#[cfg(unix)]
mod hostile_random;
mod hostile_screen;
mod hostile_texts;
mod index;
mod journal;
mod kill_during_save;
mod layers;
mod lifecycle;
mod live_pty;
mod live_screens;
mod live_store;
mod loa_pdf;
mod marks_pty;
mod numbers_one_by_one;
mod one_core;
mod order_facts;
mod packet;
mod plain;
mod plain_answers;
mod reconcile;
mod report;
mod respond_pty;
mod schema;
mod secrets;
mod service_center;
mod short_functions;
mod small_keys_pty;
mod split;
mod startup_pty;
mod stats;
mod store;
mod store_ids;
mod store_roundtrip;
mod teams_pty;
mod tenants;
mod today;
mod tui_asks;
mod tui_assign;
mod tui_export;
mod tui_handoff;
mod tui_insights;
mod tui_leave;
mod tui_lifecycle;
mod tui_marks;
mod tui_messages;
mod tui_notices;
mod tui_order_lists;
mod tui_preflight;
mod tui_pty;
mod tui_respond;
mod tui_save;
mod tui_screens;
mod tui_teams;
mod tui_tenants;
mod tui_today;
mod tui_update;
mod two_processes;
mod validation;
mod wizard_pty;
