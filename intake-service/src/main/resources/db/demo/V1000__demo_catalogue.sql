-- Demo data of the outer contract (ARCHITECTURE.md): the one-stop unit of counter1, the agencies of
-- tuphap1/tuphap2, congan1 and bhxh1, and the newborn inter-agency procedure LT-KS-TT-BHYT.
-- Loaded from db/demo, which a production deployment leaves out of quarkus.flyway.locations.

insert into one_stop_unit (code, name, level, address, phone, email) values
  ('000.00.31.H29', 'Trung tâm Phục vụ hành chính công phường Ba Đình', 'COMMUNE',
   '25 Đội Cấn, phường Ba Đình, Hà Nội', '02437333333', 'motcua.badinh@example.vn');

insert into agency (code, name, level, email, phone) values
  ('TUPHAP-BADINH', 'UBND phường Ba Đình — Tư pháp, hộ tịch', 'COMMUNE', 'tuphap.badinh@example.vn', '02437333334'),
  ('CONGAN-BADINH', 'Công an phường Ba Đình', 'COMMUNE', 'congan.badinh@example.vn', '02437333335'),
  ('BHXH-KV1', 'Bảo hiểm xã hội khu vực I', 'PROVINCE', 'bhxh.kv1@example.vn', '02437333336');

-- Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi
-- (Decree 63/2024/NĐ-CP; Decision 296/QĐ-VPCP of 2024 puts the whole chain at no more than
-- 3 working days). The split 1 + 1 + 1 is the demo's (belief: provinces publish their own).
insert into procedure_version (code, version, name, field, competent_agency, statutory_value, statutory_unit,
                               plan, documents, fees, online_level, result_form, legal_basis, effective_from)
values ('LT-KS-TT-BHYT', 1,
  'Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  'Hộ tịch', 'TUPHAP-BADINH', 3, 'WORKING_DAYS',
  '{"leadAgencyCode": "TUPHAP-BADINH", "stages": [
     {"kind": "SINGLE", "steps": [{"stepId": "khai-sinh", "agencyCode": "TUPHAP-BADINH",
        "agencyName": "UBND phường Ba Đình — Tư pháp, hộ tịch", "name": "Đăng ký khai sinh",
        "share": {"value": 1, "unit": "WORKING_DAYS"}}]},
     {"kind": "SINGLE", "steps": [{"stepId": "thuong-tru", "agencyCode": "CONGAN-BADINH",
        "agencyName": "Công an phường Ba Đình", "name": "Đăng ký thường trú",
        "share": {"value": 1, "unit": "WORKING_DAYS"}}]},
     {"kind": "SINGLE", "steps": [{"stepId": "the-bhyt", "agencyCode": "BHXH-KV1",
        "agencyName": "Bảo hiểm xã hội khu vực I", "name": "Cấp thẻ bảo hiểm y tế",
        "share": {"value": 1, "unit": "WORKING_DAYS"}}]}]}',
  -- form: the weakest form accepted (ORIGINAL > CERTIFIED_COPY > COPY)
  '[{"name": "Tờ khai đăng ký khai sinh", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Giấy chứng sinh", "form": "CERTIFIED_COPY", "copies": 1, "mandatory": true},
    {"name": "Tờ khai thay đổi thông tin cư trú", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Tờ khai tham gia bảo hiểm y tế", "form": "ORIGINAL", "copies": 1, "mandatory": true}]',
  '[]', 'FULL', 'Giấy khai sinh; thẻ bảo hiểm y tế; cập nhật thường trú',
  'Nghị định 63/2024/NĐ-CP; Quyết định 296/QĐ-VPCP năm 2024', '2024-07-01');
