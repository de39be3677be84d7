-- More demo catalogue: real procedures from DOMAIN.md to exercise parallel stages, financial
-- obligations and single-agency procedures, and enough one-stop units for load tests to spread over.
-- Statutory times marked (DOMAIN.md) are from the project's domain notes; splits between agencies are
-- the demo's own (belief): provinces publish their own internal procedures.

-- 50 commune-level one-stop units of Hà Nội (000.01.31.H29 … 000.50.31.H29) and the provincial centre.
insert into one_stop_unit (code, name, level, address)
select '000.' || lpad(i::text, 2, '0') || '.31.H29', 'Bộ phận Một cửa xã/phường số ' || i || ' (dữ liệu mẫu)',
       'COMMUNE', 'Hà Nội'
from generate_series(1, 50) as i;
insert into one_stop_unit (code, name, level, address, phone) values
  ('000.00.00.H29', 'Trung tâm Phục vụ hành chính công thành phố Hà Nội', 'PROVINCE', 'Hà Nội', '02437777777');

insert into agency (code, name, level, email) values
  ('SOTUPHAP-HN', 'Sở Tư pháp thành phố Hà Nội', 'PROVINCE', 'sotuphap@example.vn'),
  ('SOTAICHINH-HN', 'Sở Tài chính thành phố Hà Nội — Phòng Đăng ký kinh doanh', 'PROVINCE', 'dkkd@example.vn'),
  ('VPDKDD-HN', 'Văn phòng Đăng ký đất đai Hà Nội', 'PROVINCE', 'vpdkdd@example.vn'),
  ('THUE-HN', 'Thuế thành phố Hà Nội', 'PROVINCE', 'thue@example.vn'),
  ('SONNMT-HN', 'Sở Nông nghiệp và Môi trường thành phố Hà Nội', 'PROVINCE', 'sonnmt@example.vn');

-- Inter-agency for a death (Decree 63/2024/NĐ-CP): death registration (justice) → removal of
-- permanent residence (police) and funeral allowance (social insurance) in parallel.
insert into procedure_version (code, version, name, field, competent_agency, statutory_value, statutory_unit,
                               plan, documents, online_level, result_form, legal_basis, effective_from)
values ('LT-KT-XTT-MTP', 1,
  'Liên thông thủ tục đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất (trợ cấp mai táng)',
  'Hộ tịch', 'TUPHAP-BADINH', 5, 'WORKING_DAYS',
  '{"leadAgencyCode": "TUPHAP-BADINH", "stages": [
     {"kind": "SINGLE", "steps": [{"stepId": "khai-tu", "agencyCode": "TUPHAP-BADINH",
        "agencyName": "UBND phường Ba Đình — Tư pháp, hộ tịch", "name": "Đăng ký khai tử",
        "share": {"value": 1, "unit": "WORKING_DAYS"}}]},
     {"kind": "PARALLEL", "steps": [
        {"stepId": "xoa-thuong-tru", "agencyCode": "CONGAN-BADINH", "agencyName": "Công an phường Ba Đình",
         "name": "Xóa đăng ký thường trú", "share": {"value": 2, "unit": "WORKING_DAYS"}},
        {"stepId": "mai-tang-phi", "agencyCode": "BHXH-KV1", "agencyName": "Bảo hiểm xã hội khu vực I",
         "name": "Giải quyết trợ cấp mai táng", "share": {"value": 4, "unit": "WORKING_DAYS"}}]}]}',
  '[{"name": "Tờ khai đăng ký khai tử", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Giấy báo tử", "form": "CERTIFIED_COPY", "copies": 1, "mandatory": true},
    {"name": "Tờ khai thay đổi thông tin cư trú", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Tờ khai đề nghị hưởng trợ cấp mai táng", "form": "ORIGINAL", "copies": 1, "mandatory": true}]',
  'FULL', 'Trích lục khai tử; xác nhận xóa thường trú; quyết định hưởng trợ cấp mai táng',
  'Nghị định 63/2024/NĐ-CP', '2024-07-01');

-- Land use right certificate: land registration office → tax authority (financial obligation,
-- national status 6) → natural resources office issues the certificate.
insert into procedure_version (code, version, name, field, competent_agency, statutory_value, statutory_unit,
                               plan, documents, online_level, result_form, legal_basis, effective_from)
values ('DD-CGCN-LAN-DAU', 1,
  'Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
  'Đất đai', 'VPDKDD-HN', 20, 'WORKING_DAYS',
  '{"leadAgencyCode": "VPDKDD-HN", "stages": [
     {"kind": "SINGLE", "steps": [{"stepId": "tham-tra", "agencyCode": "VPDKDD-HN",
        "agencyName": "Văn phòng Đăng ký đất đai Hà Nội", "name": "Kiểm tra hồ sơ, trích đo, xác định nghĩa vụ",
        "share": {"value": 10, "unit": "WORKING_DAYS"}}]},
     {"kind": "SINGLE", "steps": [{"stepId": "nghia-vu-tai-chinh", "agencyCode": "THUE-HN",
        "agencyName": "Thuế thành phố Hà Nội", "name": "Xác định và thông báo nghĩa vụ tài chính",
        "share": {"value": 5, "unit": "WORKING_DAYS"}}]},
     {"kind": "SINGLE", "steps": [{"stepId": "cap-giay", "agencyCode": "SONNMT-HN",
        "agencyName": "Sở Nông nghiệp và Môi trường thành phố Hà Nội", "name": "Ký, cấp Giấy chứng nhận",
        "share": {"value": 5, "unit": "WORKING_DAYS"}}]}]}',
  '[{"name": "Đơn đăng ký đất đai, tài sản gắn liền với đất", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Giấy tờ về quyền sử dụng đất", "form": "CERTIFIED_COPY", "copies": 1, "mandatory": true},
    {"name": "Mảnh trích đo bản đồ địa chính", "form": "ORIGINAL", "copies": 1, "mandatory": false}]',
  'PARTIAL', 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  'Luật Đất đai 2024 (belief: thời hạn và phân chia do tỉnh công bố)', '2024-08-01');

-- Business registration: 3 working days (DOMAIN.md); criminal record certificate: 10 working days (DOMAIN.md).
insert into procedure_version (code, version, name, field, competent_agency, statutory_value, statutory_unit,
                               plan, documents, online_level, result_form, legal_basis, effective_from)
values
 ('DKKD-TNHH-1TV', 1, 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'Thành lập và hoạt động của doanh nghiệp',
  'SOTAICHINH-HN', 3, 'WORKING_DAYS',
  '{"leadAgencyCode": "SOTAICHINH-HN", "stages": [{"kind": "SINGLE", "steps": [{"stepId": "dang-ky",
     "agencyCode": "SOTAICHINH-HN", "agencyName": "Sở Tài chính thành phố Hà Nội — Phòng Đăng ký kinh doanh",
     "name": "Cấp Giấy chứng nhận đăng ký doanh nghiệp", "share": {"value": 3, "unit": "WORKING_DAYS"}}]}]}',
  '[{"name": "Giấy đề nghị đăng ký doanh nghiệp", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Điều lệ công ty", "form": "ORIGINAL", "copies": 1, "mandatory": true},
    {"name": "Bản sao giấy tờ pháp lý của chủ sở hữu", "form": "COPY", "copies": 1, "mandatory": true}]',
  'FULL', 'Giấy chứng nhận đăng ký doanh nghiệp', 'Luật Doanh nghiệp 2020', '2021-01-01'),
 ('LLTP-CAP-PHIEU', 1, 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Lý lịch tư pháp',
  'SOTUPHAP-HN', 10, 'WORKING_DAYS',
  '{"leadAgencyCode": "SOTUPHAP-HN", "stages": [{"kind": "SINGLE", "steps": [{"stepId": "cap-phieu",
     "agencyCode": "SOTUPHAP-HN", "agencyName": "Sở Tư pháp thành phố Hà Nội", "name": "Tra cứu, cấp Phiếu lý lịch tư pháp",
     "share": {"value": 10, "unit": "WORKING_DAYS"}}]}]}',
  '[{"name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "form": "ORIGINAL", "copies": 1, "mandatory": true}]',
  'FULL', 'Phiếu lý lịch tư pháp', 'Luật Lý lịch tư pháp 2009', '2010-07-01');
